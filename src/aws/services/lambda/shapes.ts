// The Lambda API's wire side (restJson1, API version 2015-03-31): where each operation's members
// travel (path labels, query, headers, the raw body) as @aws-sdk/client-lambda sends them, and thin
// input shapes (types only: the engine checks values with Lambda's own messages).
import {
  blob,
  boolean,
  document,
  integer,
  list,
  map,
  string,
  structure,
  type StructureShape,
} from '../../protocol/shapes.ts'
import type { RestRoute } from '../../protocol/types.ts'

const FN = '/2015-03-31/functions/{FunctionName}'

export const LAMBDA_ROUTES: RestRoute[] = [
  { operation: 'CreateFunction', method: 'POST', path: '/2015-03-31/functions', statusCode: 201 },
  { operation: 'ListFunctions', method: 'GET', path: '/2015-03-31/functions', query: LIST_QUERY() },
  { operation: 'GetFunction', method: 'GET', path: FN, query: { Qualifier: 'Qualifier' } },
  {
    operation: 'DeleteFunction',
    method: 'DELETE',
    path: FN,
    query: { Qualifier: 'Qualifier' },
    responseStatus: 'StatusCode',
  },
  {
    operation: 'GetFunctionConfiguration',
    method: 'GET',
    path: `${FN}/configuration`,
    query: { Qualifier: 'Qualifier' },
  },
  { operation: 'UpdateFunctionConfiguration', method: 'PUT', path: `${FN}/configuration` },
  { operation: 'UpdateFunctionCode', method: 'PUT', path: `${FN}/code` },
  {
    operation: 'Invoke',
    method: 'POST',
    path: `${FN}/invocations`,
    query: { Qualifier: 'Qualifier' },
    headers: {
      InvocationType: 'X-Amz-Invocation-Type',
      LogType: 'X-Amz-Log-Type',
      ClientContext: 'X-Amz-Client-Context',
    },
    payload: 'Payload',
    responsePayload: 'Payload',
    responseStatus: 'StatusCode',
    responseHeaders: {
      FunctionError: 'X-Amz-Function-Error',
      LogResult: 'X-Amz-Log-Result',
      ExecutedVersion: 'X-Amz-Executed-Version',
    },
  },
  {
    operation: 'AddPermission',
    method: 'POST',
    path: `${FN}/policy`,
    statusCode: 201,
    query: { Qualifier: 'Qualifier' },
  },
  { operation: 'GetPolicy', method: 'GET', path: `${FN}/policy`, query: { Qualifier: 'Qualifier' } },
  {
    operation: 'RemovePermission',
    method: 'DELETE',
    path: `${FN}/policy/{StatementId}`,
    statusCode: 204,
    query: { Qualifier: 'Qualifier', RevisionId: 'RevisionId' },
  },
]

function LIST_QUERY(): Record<string, string> {
  return { MasterRegion: 'MasterRegion', FunctionVersion: 'FunctionVersion', Marker: 'Marker', MaxItems: 'MaxItems' }
}

const name = () => string({ required: true })
const settings = {
  Runtime: string(),
  Role: string(),
  Handler: string(),
  Description: string(),
  Timeout: integer(),
  MemorySize: integer(),
  Environment: document(),
  LoggingConfig: document(),
  EphemeralStorage: document(),
}

export const SHAPES: Record<string, StructureShape> = {
  CreateFunction: structure({
    FunctionName: name(),
    ...settings,
    Code: structure({ ZipFile: blob(), Files: map(string(), string()) }, { required: true }),
    Architectures: list(string()),
    PackageType: string(),
    Publish: boolean(),
  }),
  ListFunctions: structure({
    MasterRegion: string(),
    FunctionVersion: string(),
    Marker: string(),
    MaxItems: integer(),
  }),
  GetFunction: structure({ FunctionName: name(), Qualifier: string() }),
  GetFunctionConfiguration: structure({ FunctionName: name(), Qualifier: string() }),
  DeleteFunction: structure({ FunctionName: name(), Qualifier: string() }),
  UpdateFunctionConfiguration: structure({ FunctionName: name(), ...settings, RevisionId: string() }),
  UpdateFunctionCode: structure({
    FunctionName: name(),
    ZipFile: blob(),
    Files: map(string(), string()),
    Publish: boolean(),
    DryRun: boolean(),
    RevisionId: string(),
    Architectures: list(string()),
  }),
  // Payload: the raw body on the wire; send() passes bytes (Uint8Array), as the SDK's command does.
  Invoke: structure({
    FunctionName: name(),
    InvocationType: string({ enum: ['Event', 'RequestResponse', 'DryRun'] }),
    LogType: string({ enum: ['None', 'Tail'] }),
    ClientContext: string(),
    Qualifier: string(),
    Payload: blob(),
  }),
  AddPermission: structure({
    FunctionName: name(),
    StatementId: string({ required: true }),
    Action: string({ required: true }),
    Principal: string({ required: true }),
    SourceArn: string(),
    SourceAccount: string(),
    EventSourceToken: string(),
    Qualifier: string(),
    RevisionId: string(),
    PrincipalOrgID: string(),
    FunctionUrlAuthType: string({ enum: ['NONE', 'AWS_IAM'] }),
  }),
  GetPolicy: structure({ FunctionName: name(), Qualifier: string() }),
  RemovePermission: structure({
    FunctionName: name(),
    StatementId: string({ required: true }),
    Qualifier: string(),
    RevisionId: string(),
  }),
}
