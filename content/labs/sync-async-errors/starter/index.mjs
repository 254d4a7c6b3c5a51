// Kettle & Co. order intake. The web shop sends each new order here.
//
// An order looks like:
//   { "orderId": "KC-1042", "items": [ { "sku": "MUG-CLASSIC", "quantity": 2 } ] }

// TODO: define a ValidationError class (an Error whose name is 'ValidationError').

export const handler = async (event) => {
  const { orderId, items } = event

  // TODO: validate the order and throw a ValidationError when it is bad:
  //   - orderId must be a non-empty string
  //   - items must be an array with at least one item
  //   - every quantity must be a whole number from 1 to 10

  const itemCount = items.reduce((total, item) => total + item.quantity, 0)
  console.log(`Accepted order ${orderId} with ${itemCount} items`)
  return { orderId, status: 'ACCEPTED', itemCount }
}
