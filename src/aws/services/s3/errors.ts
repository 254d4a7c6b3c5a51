// S3's errors, with the extra elements S3 puts in its <Error> document (BucketName, Key, …).
import { AwsError } from '../../errors.ts'

export const s3Error = (code: string, message: string, status: number, members: Record<string, unknown> = {}) =>
  new AwsError(code, message, status, members)

export const noSuchBucket = (bucket: string) =>
  s3Error('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: bucket })
export const noSuchKey = (key: string) => s3Error('NoSuchKey', 'The specified key does not exist.', 404, { Key: key })
export const invalidBucketName = (bucket: string) =>
  s3Error('InvalidBucketName', 'The specified bucket is not valid.', 400, { BucketName: bucket })
export const invalidArgument = (message: string, name?: string, value?: string) =>
  s3Error('InvalidArgument', message, 400, name ? { ArgumentName: name, ArgumentValue: value } : {})
export const invalidRequest = (message: string) => s3Error('InvalidRequest', message, 400)
export const notImplemented = () =>
  s3Error('NotImplemented', 'A header you provided implies functionality that is not implemented', 501)
export const preconditionFailed = (condition: string) =>
  s3Error('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', 412, {
    Condition: condition,
  })
export const notModified = () => s3Error('NotModified', 'Not Modified', 304)
