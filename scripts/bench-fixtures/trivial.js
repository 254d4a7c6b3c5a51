// The trivial async handler both the engine and lambda-local run in `npm run bench`.
exports.handler = async (event) => ({ ok: true, n: event.n })
