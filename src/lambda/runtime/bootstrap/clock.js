// The virtual clock inside the sandbox: Date (virtual, and in UTC as Lambda's TZ=:UTC) and
// performance. vnow: virtual ms at the start of the current host->sandbox crossing (cheap, used
// for timer scheduling and log timestamps); hostNow(): precise virtual time including CPU spent.
import {
  DateParse,
  DateUTC,
  G,
  MathFloor,
  ObjectDefineProperty,
  RealDate,
  ReflectConstruct,
  call,
  dateGetTime,
  host,
  hostNow,
} from './intrinsics.js'

export var vnow = 0
/** The host starts a crossing at virtual time t (or a timer fires at t). */
export function setNow(t) {
  vnow = t
}
export function preciseNow() {
  return call(hostNow, host)
}

function VDate(a, b, c, d, e, f, g) {
  var n = arguments.length
  if (new.target === undefined)
    return call(RealDate.prototype.toString, ReflectConstruct(RealDate, [MathFloor(preciseNow())]))
  var args
  if (n === 0) args = [MathFloor(preciseNow())]
  else if (n === 1) args = [a]
  else args = [DateUTC(a, b, n > 2 ? c : 1, n > 3 ? d : 0, n > 4 ? e : 0, n > 5 ? f : 0, n > 6 ? g : 0)]
  return ReflectConstruct(RealDate, args, new.target)
}
var DP = RealDate.prototype
VDate.prototype = DP
ObjectDefineProperty(DP, 'constructor', { value: VDate, writable: true, configurable: true, enumerable: false })
VDate.now = function now() {
  return MathFloor(preciseNow())
}
VDate.parse = function parse(s) {
  return DateParse(s)
}
VDate.UTC = DateUTC
ObjectDefineProperty(VDate, 'name', { value: 'Date' })
ObjectDefineProperty(VDate, 'length', { value: 7 })
// Lambda runs with TZ=:UTC. QuickJS would use the host's zone: map local-time methods to UTC.
var pairs = ['FullYear', 'Month', 'Date', 'Day', 'Hours', 'Minutes', 'Seconds', 'Milliseconds']
for (var pi = 0; pi < pairs.length; pi++) {
  var pn = pairs[pi]
  ObjectDefineProperty(DP, 'get' + pn, { value: DP['getUTC' + pn], writable: true, configurable: true })
  if (pn !== 'Day')
    ObjectDefineProperty(DP, 'set' + pn, { value: DP['setUTC' + pn], writable: true, configurable: true })
}
ObjectDefineProperty(DP, 'getTimezoneOffset', {
  value: function getTimezoneOffset() {
    return 0
  },
  writable: true,
  configurable: true,
})
var DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
function pad2(n) {
  return n < 10 ? '0' + n : '' + n
}
function dateStr(d) {
  var y = d.getUTCFullYear()
  return (
    DAYS[d.getUTCDay()] +
    ' ' +
    MONTHS[d.getUTCMonth()] +
    ' ' +
    pad2(d.getUTCDate()) +
    ' ' +
    (y < 0 ? '-' + ('00000' + -y).slice(-6) : ('000' + y).slice(-4))
  )
}
function timeStr(d) {
  return (
    pad2(d.getUTCHours()) +
    ':' +
    pad2(d.getUTCMinutes()) +
    ':' +
    pad2(d.getUTCSeconds()) +
    ' GMT+0000 (Coordinated Universal Time)'
  )
}
function validOr(d, f) {
  return dateGetTime(d) !== dateGetTime(d) ? 'Invalid Date' : f(d)
}
ObjectDefineProperty(DP, 'toString', {
  value: function toString() {
    return validOr(this, function (d) {
      return dateStr(d) + ' ' + timeStr(d)
    })
  },
  writable: true,
  configurable: true,
})
ObjectDefineProperty(DP, 'toDateString', {
  value: function toDateString() {
    return validOr(this, dateStr)
  },
  writable: true,
  configurable: true,
})
ObjectDefineProperty(DP, 'toTimeString', {
  value: function toTimeString() {
    return validOr(this, timeStr)
  },
  writable: true,
  configurable: true,
})
ObjectDefineProperty(G, 'Date', { value: VDate, writable: true, configurable: true, enumerable: false })

var perfOrigin = 0
/** performance.timeOrigin: the virtual time the process started. */
export function setPerfOrigin(t) {
  perfOrigin = t
}
var performance = {
  now: function now() {
    return preciseNow() - perfOrigin
  },
  get timeOrigin() {
    return perfOrigin
  },
  mark: function () {},
  measure: function () {},
  toJSON: function () {
    return { timeOrigin: perfOrigin }
  },
}
ObjectDefineProperty(G, 'performance', { value: performance, writable: true, configurable: true, enumerable: true })
