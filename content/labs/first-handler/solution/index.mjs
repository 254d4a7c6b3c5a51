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

// API Gateway turns this object into the HTTP response. The body must be a string.
const json = (statusCode, data) => ({
  statusCode,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(data),
})

export const handler = async (event) => {
  // GET /products has no {id}: API Gateway sends pathParameters: null.
  const id = event.pathParameters?.id
  if (id === undefined) {
    console.log('Listing the catalogue')
    return json(200, { products: [...products.values()] })
  }
  console.log('Looking up product', id)
  const product = products.get(id)
  if (!product) {
    return json(404, { message: `No product with ID "${id}"` })
  }
  return json(200, product)
}
