// Known-wrong: the body is the object itself, not JSON text. Lambda accepts it, but API Gateway
// cannot use it as a proxy response and answers the browser with 502 Bad Gateway.
const products = new Map([
  ['mug-classic', { id: 'mug-classic', name: 'Classic mug', price: 1200 }],
  ['teapot-blue', { id: 'teapot-blue', name: 'Blue teapot', price: 3500 }],
  ['teapot-cast-iron', { id: 'teapot-cast-iron', name: 'Cast-iron teapot', price: 5400 }],
])

const json = (statusCode, data) => ({ statusCode, headers: { 'Content-Type': 'application/json' }, body: data })

export const handler = async (event) => {
  const id = event.pathParameters?.id
  if (id === undefined) return json(200, { products: [...products.values()] })
  const product = products.get(id)
  if (!product) return json(404, { message: `No product with ID "${id}"` })
  return json(200, product)
}
