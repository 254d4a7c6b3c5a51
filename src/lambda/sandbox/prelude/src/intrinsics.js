// Built-in methods captured when PRELUDE_CORE is evaluated, before any user code runs.
//
// The lazy modules (the inspector, Buffer, ...) are third-party code that reads globals and
// prototypes when it loads and when it runs. Before running such code, core checks this list;
// if user code replaced any entry, lazy/pristine.js puts the originals back for the duration of
// the call and restores the user's versions afterwards (see withPristine in core.js).
//
// Kept as one string: a string literal costs far less to parse than the equivalent code.
// "holder:key,key;..." where holder is a dotted path from globalThis or a %Intrinsic%, and
// @name is the well-known symbol Symbol[name].
const SPEC =
  'globalThis:Object,Array,String,Number,Symbol,Map,Set,WeakMap,JSON,Reflect,Error,TypeError,RegExp,Promise,' +
  'Function,Uint8Array;' +
  'Object:keys,entries,assign,create,defineProperty,getOwnPropertyNames,getOwnPropertySymbols,' +
  'getOwnPropertyDescriptor,getOwnPropertyDescriptors,getPrototypeOf,setPrototypeOf,freeze;' +
  'Object.prototype:hasOwnProperty,propertyIsEnumerable,toString,valueOf;' +
  'Array:isArray,from;' +
  'Array.prototype:join,map,filter,forEach,push,pop,shift,unshift,slice,splice,concat,indexOf,includes,sort,' +
  'reduce,some,keys,@iterator;' +
  'String:fromCharCode;' +
  'String.prototype:charCodeAt,codePointAt,slice,split,indexOf,lastIndexOf,includes,startsWith,endsWith,replace,' +
  'replaceAll,toLowerCase,trim,padStart,padEnd,repeat,normalize,concat,toString,@iterator;' +
  'Function.prototype:call,apply,bind,toString,@hasInstance;' +
  'JSON:stringify,parse;' +
  'Reflect:apply,ownKeys,getPrototypeOf,defineProperty,getOwnPropertyDescriptor;' +
  'Map.prototype:get,set,has,delete,entries,keys,values,forEach,@iterator;' +
  'Set.prototype:add,has,delete,values,forEach,@iterator;' +
  'Symbol:for,iterator,toPrimitive,toStringTag;' +
  'Symbol.prototype:toString;' +
  'Number.prototype:toString;' +
  'Math:floor,max,min,round,sqrt,trunc;' +
  'RegExp.prototype:exec,test,toString,@replace,@split;' +
  'Error.prototype:toString;' +
  'Date.prototype:getTime,toISOString;' +
  '%ArrayIterator%:next;%MapIterator%:next;%SetIterator%:next'

export function captureIntrinsics() {
  const G = globalThis
  const getProto = Object.getPrototypeOf
  const special = {
    '%TypedArray%': getProto(Uint8Array),
    '%ArrayIterator%': getProto([][Symbol.iterator]()),
    '%MapIterator%': getProto(new Map()[Symbol.iterator]()),
    '%SetIterator%': getProto(new Set()[Symbol.iterator]()),
  }
  const holders = []
  const keys = []
  const values = []
  let n = 0
  const groups = SPEC.split(';')
  for (let g = 0; g < groups.length; g++) {
    const [where, names] = groups[g].split(':')
    const path = where.split('.')
    let holder = path[0] === 'globalThis' ? G : special[path[0]] || G[path[0]]
    for (let i = 1; i < path.length; i++) holder = holder[path[i]]
    const list = names.split(',')
    for (let i = 0; i < list.length; i++) {
      const key = list[i][0] === '@' ? Symbol[list[i].slice(1)] : list[i]
      holders[n] = holder
      keys[n] = key
      values[n++] = holder[key]
    }
  }
  return { holders, keys, values }
}
