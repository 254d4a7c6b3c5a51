// npm run bench:iam — the IAM section of `npm run bench` on its own (scripts/bench/iam.ts).
import { benchIam } from './bench/iam.ts'

benchIam()
