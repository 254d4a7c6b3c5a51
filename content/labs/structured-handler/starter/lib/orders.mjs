// Kettle & Co.'s pricing rules: plain business logic, with no Lambda (no event, no context,
// no process.env) in sight, so it can be tested and reused on its own.
//
// TODO: move the pricing code here from index.mjs and export it:
//   export function priceOrder(order, taxRate) { ... return { orderId, subtotal, tax, total } }
