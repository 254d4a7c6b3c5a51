// Kettle & Co. product API, behind Amazon API Gateway:
//   GET /products/{id}  -> one product
//   GET /products       -> the whole catalogue
//
// Prices are in pence.
const products = new Map([
  ['mug-classic', { id: 'mug-classic', name: 'Classic mug', price: 1200 }],
  ['teapot-blue', { id: 'teapot-blue', name: 'Blue teapot', price: 3500 }],
  ['teapot-cast-iron', { id: 'teapot-cast-iron', name: 'Cast-iron teapot', price: 5400 }],
])

export const handler = async (event) => {
  const id = event.pathParameters.id
  console.log('Looking up product', id)
  // TODO: return an API Gateway proxy response: { statusCode, headers, body }
  return products.get(id)
}
