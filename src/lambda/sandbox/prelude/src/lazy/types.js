// util.types without V8 internals: brand checks through built-in methods that throw on foreign receivers.
const toString = Object.prototype.toString
const TypedArray = Object.getPrototypeOf(Uint8Array)
const typedArrayTag = Object.getOwnPropertyDescriptor(TypedArray.prototype, Symbol.toStringTag).get

function brand(method) {
  return (v) => {
    if (v === null || typeof v !== 'object') return false
    try {
      method.call(v)
      return true
    } catch {
      return false
    }
  }
}

export function makeTypes() {
  const tag = (v) =>
    v !== null && (typeof v === 'object' || typeof v === 'function') ? typedArrayTag.call(v) : undefined
  const isTypedArrayOf = (name) => (v) => tag(v) === name
  const abByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get
  const sabByteLength =
    typeof SharedArrayBuffer === 'function'
      ? Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get
      : undefined
  const isArrayBuffer = brand(abByteLength)
  const isSharedArrayBuffer = sabByteLength ? brand(sabByteLength) : () => false
  const isMap = brand(Object.getOwnPropertyDescriptor(Map.prototype, 'size').get)
  const isSet = brand(Object.getOwnPropertyDescriptor(Set.prototype, 'size').get)
  const isBoxed = (proto) => brand(proto.valueOf)
  const iterTag = (name) => (v) => v !== null && typeof v === 'object' && toString.call(v) === `[object ${name}]`
  const boxed = [
    isBoxed(Boolean.prototype),
    isBoxed(Number.prototype),
    isBoxed(String.prototype),
    isBoxed(Symbol.prototype),
    isBoxed(BigInt.prototype),
  ]
  return {
    isAnyArrayBuffer: (v) => isArrayBuffer(v) || isSharedArrayBuffer(v),
    isArrayBuffer,
    isSharedArrayBuffer,
    isArrayBufferView: (v) => ArrayBuffer.isView(v),
    isArgumentsObject: (v) => v !== null && typeof v === 'object' && toString.call(v) === '[object Arguments]',
    isAsyncFunction: (v) =>
      typeof v === 'function' &&
      (toString.call(v) === '[object AsyncFunction]' || toString.call(v) === '[object AsyncGeneratorFunction]'),
    isGeneratorFunction: (v) =>
      typeof v === 'function' &&
      (toString.call(v) === '[object GeneratorFunction]' || toString.call(v) === '[object AsyncGeneratorFunction]'),
    isGeneratorObject: (v) => v !== null && typeof v === 'object' && toString.call(v) === '[object Generator]',
    isBigInt64Array: isTypedArrayOf('BigInt64Array'),
    isBigUint64Array: isTypedArrayOf('BigUint64Array'),
    isBooleanObject: isBoxed(Boolean.prototype),
    isNumberObject: isBoxed(Number.prototype),
    isStringObject: isBoxed(String.prototype),
    isSymbolObject: isBoxed(Symbol.prototype),
    isBigIntObject: isBoxed(BigInt.prototype),
    isBoxedPrimitive: (v) => boxed.some((check) => check(v)),
    isDataView: brand(Object.getOwnPropertyDescriptor(DataView.prototype, 'byteLength').get),
    isDate: brand(Date.prototype.getTime),
    isExternal: () => false,
    isFloat32Array: isTypedArrayOf('Float32Array'),
    isFloat64Array: isTypedArrayOf('Float64Array'),
    isInt8Array: isTypedArrayOf('Int8Array'),
    isInt16Array: isTypedArrayOf('Int16Array'),
    isInt32Array: isTypedArrayOf('Int32Array'),
    isUint8Array: isTypedArrayOf('Uint8Array'),
    isUint8ClampedArray: isTypedArrayOf('Uint8ClampedArray'),
    isUint16Array: isTypedArrayOf('Uint16Array'),
    isUint32Array: isTypedArrayOf('Uint32Array'),
    isTypedArray: (v) => tag(v) !== undefined,
    isMap,
    isSet,
    isMapIterator: iterTag('Map Iterator'),
    isSetIterator: iterTag('Set Iterator'),
    isModuleNamespaceObject: (v) => v !== null && typeof v === 'object' && toString.call(v) === '[object Module]',
    isNativeError: (v) =>
      v !== null &&
      typeof v === 'object' &&
      (typeof Error.isError === 'function' ? Error.isError(v) : v instanceof Error),
    isPromise: (v) =>
      v instanceof Promise || (v !== null && typeof v === 'object' && toString.call(v) === '[object Promise]'),
    isProxy: () => false,
    isRegExp: brand(Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get),
    isWeakMap: brand(WeakMap.prototype.has),
    isWeakSet: brand(WeakSet.prototype.has),
    isKeyObject: () => false,
    isCryptoKey: () => false,
  }
}
