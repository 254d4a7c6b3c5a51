// Which codec a service speaks, and the errors whose name and status depend on the protocol
// (unknown operation, validation, access denied, bad credentials).
import { AwsError } from '../errors.ts'
import type { ServiceDefinition, WireProtocol } from '../types.ts'
import { jsonCodec } from './json.ts'
import { queryCodec } from './query.ts'
import { restJsonCodec } from './rest-json.ts'
import { restXmlCodec } from './rest-xml.ts'
import type { ProtocolCodec } from './types.ts'

const codecs = new Map<WireProtocol, ProtocolCodec>([
  ['awsJson1_0', jsonCodec],
  ['awsJson1_1', jsonCodec],
  ['awsQuery', queryCodec],
  ['restJson1', restJsonCodec],
  ['restXml', restXmlCodec],
])

/** Register (or replace) the codec of a protocol. */
export function registerCodec(protocol: WireProtocol, codec: ProtocolCodec): void {
  codecs.set(protocol, codec)
}

export function codecFor(service: ServiceDefinition): ProtocolCodec {
  const codec = codecs.get(service.protocol)
  if (!codec) throw new Error(`No wire codec for the ${service.protocol} protocol (service ${service.id})`)
  return codec
}

/** The error a service answers an operation it does not have with. */
export function unknownOperationError(service: ServiceDefinition, operation: string): AwsError {
  switch (service.protocol) {
    case 'awsQuery':
      return new AwsError(
        'InvalidAction',
        `Could not find operation ${operation} for version ${service.apiVersion ?? ''}`,
        400,
      )
    case 'restJson1':
    case 'restXml':
      return new AwsError('UnknownOperationException', '', 404)
    default:
      return new AwsError('UnknownOperationException', '', 400)
  }
}

export function validationErrorName(service: ServiceDefinition): string {
  return service.validationErrorName ?? (service.protocol === 'awsQuery' ? 'ValidationError' : 'ValidationException')
}

/** How the service reports an IAM denial. */
export function accessDeniedError(service: ServiceDefinition, message: string): AwsError {
  const custom = service.accessDenied
  if (custom) return new AwsError(custom.name, message, custom.statusCode)
  switch (service.protocol) {
    case 'awsQuery':
    case 'restXml':
      return new AwsError('AccessDenied', message, 403)
    case 'restJson1':
      return new AwsError('AccessDeniedException', message, 403)
    default:
      return new AwsError('AccessDeniedException', message, 400)
  }
}

/** Why a request's credentials were refused. */
export type AuthFailure =
  | { kind: 'missing' }
  | { kind: 'incomplete'; message: string }
  | { kind: 'unknown-key'; accessKeyId: string }
  | { kind: 'bad-token' }
  | { kind: 'bad-signature' }
  | { kind: 'expired' }
  /** S3: the declared x-amz-content-sha256 is not the body's. */
  | { kind: 'content-hash' }

const SIG_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.'
const TOKEN_INVALID = 'The security token included in the request is invalid.'
const TOKEN_EXPIRED = 'The security token included in the request is expired'

/** The error each protocol family answers bad credentials with. */
export function authError(service: ServiceDefinition, failure: AuthFailure): AwsError {
  if (service.protocol === 'restXml') return s3AuthError(failure)
  const query = service.protocol === 'awsQuery'
  switch (failure.kind) {
    case 'missing':
      return query
        ? new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403)
        : new AwsError('MissingAuthenticationTokenException', 'Request is missing Authentication Token', 400)
    case 'incomplete':
      return query
        ? new AwsError('IncompleteSignature', failure.message, 400)
        : new AwsError('IncompleteSignatureException', failure.message, 400)
    case 'unknown-key':
    case 'bad-token':
      return query
        ? new AwsError('InvalidClientTokenId', TOKEN_INVALID, 403)
        : new AwsError('UnrecognizedClientException', TOKEN_INVALID, 400)
    case 'bad-signature':
      return query
        ? new AwsError('SignatureDoesNotMatch', SIG_MISMATCH, 403)
        : new AwsError('InvalidSignatureException', SIG_MISMATCH, 400)
    case 'expired':
      return query
        ? new AwsError('ExpiredToken', TOKEN_EXPIRED, 403)
        : new AwsError('ExpiredTokenException', TOKEN_EXPIRED, 400)
    case 'content-hash':
      return query
        ? new AwsError('SignatureDoesNotMatch', SIG_MISMATCH, 403)
        : new AwsError('InvalidSignatureException', SIG_MISMATCH, 400)
  }
}

/** S3's words for the same failures (for the rest-xml codec). */
export function s3AuthError(failure: AuthFailure): AwsError {
  switch (failure.kind) {
    case 'missing':
      return new AwsError('AccessDenied', 'Access Denied', 403)
    case 'incomplete':
      return new AwsError('AuthorizationHeaderMalformed', failure.message, 400)
    case 'unknown-key':
      return new AwsError(
        'InvalidAccessKeyId',
        'The AWS Access Key Id you provided does not exist in our records.',
        403,
        {
          AWSAccessKeyId: failure.accessKeyId,
        },
      )
    case 'bad-token':
      return new AwsError('InvalidToken', 'The provided token is malformed or otherwise invalid.', 400)
    case 'bad-signature':
      return new AwsError(
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
        403,
      )
    case 'expired':
      return new AwsError('ExpiredToken', 'The provided token has expired.', 400)
    case 'content-hash':
      return new AwsError(
        'XAmzContentSHA256Mismatch',
        "The provided 'x-amz-content-sha256' header does not match what was computed.",
        400,
      )
  }
}

export { jsonCodec, queryCodec, restJsonCodec, restXmlCodec }
export type { ProtocolCodec, WireRequest, WireResponse, RestRoute } from './types.ts'
