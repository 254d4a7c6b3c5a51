import { newLambda, deploy, call } from './src/lambda/__tests__/helpers.ts'
const lambda = await newLambda()
const fn = await deploy(lambda, 'export const handler = async () => { setTimeout(() => { throw new Error("in timer") }, 5); await new Promise((r) => setTimeout(r, 50)); return 1 }')
const out = await call(lambda, fn)
console.log(out.Payload, out.log)
lambda.dispose()
