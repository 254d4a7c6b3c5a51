// GENERATED FILE - DO NOT EDIT.
// Built by `npx tsx scripts/build-sdk.ts` from the AWS SDK packages in node_modules and src/lambda/sdk/runtime.
// It bundles these packages (licences in their package folders under node_modules):
//   @aws-sdk/checksums@3.1002.7 (Apache-2.0)
//   @aws-sdk/client-dynamodb@3.1178.0 (Apache-2.0)
//   @aws-sdk/client-eventbridge@3.1178.0 (Apache-2.0)
//   @aws-sdk/client-lambda@3.1178.0 (Apache-2.0)
//   @aws-sdk/client-s3@3.1178.0 (Apache-2.0)
//   @aws-sdk/client-sns@3.1178.0 (Apache-2.0)
//   @aws-sdk/client-sqs@3.1178.0 (Apache-2.0)
//   @aws-sdk/client-sts@3.1178.0 (Apache-2.0)
//   @aws-sdk/core@3.981.2 (Apache-2.0)
//   @aws-sdk/credential-provider-env@3.972.86 (Apache-2.0)
//   @aws-sdk/dynamodb-codec@3.973.60 (Apache-2.0)
//   @aws-sdk/endpoint-cache@3.972.11 (Apache-2.0)
//   @aws-sdk/lib-dynamodb@3.1178.0 (Apache-2.0)
//   @aws-sdk/middleware-endpoint-discovery@3.972.40 (Apache-2.0)
//   @aws-sdk/middleware-sdk-s3@3.972.92 (Apache-2.0)
//   @aws-sdk/middleware-sdk-sqs@3.972.51 (Apache-2.0)
//   @aws-sdk/signature-v4-multi-region@3.996.52 (Apache-2.0)
//   @aws-sdk/util-dynamodb@3.996.9 (Apache-2.0)
//   @aws-sdk/xml-builder@3.972.43 (Apache-2.0)
//   @smithy/core@3.41.1 (Apache-2.0)
//   @smithy/fetch-http-handler@5.8.1 (Apache-2.0)
//   @smithy/signature-v4@5.7.5 (Apache-2.0)
//   @smithy/types@4.20.0 (Apache-2.0)
//   bowser@2.15.1 (MIT)
//   mnemonist@0.38.3 (MIT)
//   obliterator@1.6.1 (MIT)

import type { SdkManifest } from '../manifest-types.ts'

export const SDK_MANIFEST: SdkManifest = {
  version: "3.1178.0",
  packages: {
    "@aws-sdk/client-dynamodb": {
      "key": "sdk/@aws-sdk/client-dynamodb",
      "requires": [
        "sdk/chunk-AD94D3C5",
        "sdk/chunk-F765A2F6",
        "sdk/chunk-D77EEEC5",
        "sdk/chunk-5DEB0087",
        "sdk/chunk-EFC4F43D",
        "sdk/chunk-F0E9A780",
        "sdk/chunk-3F94B7F2",
        "sdk/chunk-E9ADB44D",
        "sdk/@aws-sdk/client-dynamodb"
      ],
      "packageJson": {
        "name": "@aws-sdk/client-dynamodb",
        "version": "3.1178.0",
        "description": "AWS SDK for JavaScript Dynamodb Client for Node.js, Browser and React Native",
        "license": "Apache-2.0",
        "main": "./dist-cjs/index.js",
        "module": "./dist-es/index.js",
        "types": "./dist-types/index.d.ts"
      }
    },
    "@aws-sdk/lib-dynamodb": {
      "key": "sdk/@aws-sdk/lib-dynamodb",
      "requires": [
        "sdk/chunk-AD94D3C5",
        "sdk/chunk-F765A2F6",
        "sdk/chunk-D77EEEC5",
        "sdk/chunk-5DEB0087",
        "sdk/chunk-EFC4F43D",
        "sdk/chunk-F0E9A780",
        "sdk/chunk-758866D8",
        "sdk/chunk-3F94B7F2",
        "sdk/chunk-E9ADB44D",
        "sdk/@aws-sdk/lib-dynamodb"
      ],
      "packageJson": {
        "name": "@aws-sdk/lib-dynamodb",
        "version": "3.1178.0",
        "description": "The document client simplifies working with items in Amazon DynamoDB by abstracting away the notion of attribute values.",
        "license": "Apache-2.0",
        "main": "./dist-cjs/index.js",
        "module": "./dist-es/index.js",
        "types": "./dist-types/index.d.ts"
      }
    },
    "@aws-sdk/util-dynamodb": {
      "key": "sdk/@aws-sdk/util-dynamodb",
      "requires": [
        "sdk/chunk-AD94D3C5",
        "sdk/chunk-758866D8",
        "sdk/@aws-sdk/util-dynamodb"
      ],
      "packageJson": {
        "name": "@aws-sdk/util-dynamodb",
        "version": "3.996.9",
        "license": "Apache-2.0",
        "main": "./dist-cjs/index.js",
        "module": "./dist-es/index.js",
        "types": "./dist-types/index.d.ts"
      }
    },
    "@aws-sdk/client-s3": {
      "key": "sdk/@aws-sdk/client-s3",
      "requires": [
        "sdk/chunk-AD94D3C5",
        "sdk/chunk-F765A2F6",
        "sdk/chunk-D77EEEC5",
        "sdk/chunk-5DEB0087",
        "sdk/chunk-EFC4F43D",
        "sdk/chunk-E94CBE51",
        "sdk/chunk-3F94B7F2",
        "sdk/chunk-E9ADB44D",
        "sdk/@aws-sdk/client-s3"
      ],
      "packageJson": {
        "name": "@aws-sdk/client-s3",
        "version": "3.1178.0",
        "description": "AWS SDK for JavaScript S3 Client for Node.js, Browser and React Native",
        "license": "Apache-2.0",
        "main": "./dist-cjs/index.js",
        "module": "./dist-es/index.js",
        "types": "./dist-types/index.d.ts"
      }
    },
    "@aws-sdk/client-sqs": {
      "key": "sdk/@aws-sdk/client-sqs",
      "requires": [
        "sdk/chunk-AD94D3C5",
        "sdk/chunk-F765A2F6",
        "sdk/chunk-D77EEEC5",
        "sdk/chunk-5DEB0087",
        "sdk/chunk-EFC4F43D",
        "sdk/chunk-3F94B7F2",
        "sdk/chunk-E9ADB44D",
        "sdk/@aws-sdk/client-sqs"
      ],
      "packageJson": {
        "name": "@aws-sdk/client-sqs",
        "version": "3.1178.0",
        "description": "AWS SDK for JavaScript Sqs Client for Node.js, Browser and React Native",
        "license": "Apache-2.0",
        "main": "./dist-cjs/index.js",
        "module": "./dist-es/index.js",
        "types": "./dist-types/index.d.ts"
      }
    },
    "@aws-sdk/client-sns": {
      "key": "sdk/@aws-sdk/client-sns",
      "requires": [
        "sdk/chunk-AD94D3C5",
        "sdk/chunk-F765A2F6",
        "sdk/chunk-D77EEEC5",
        "sdk/chunk-5DEB0087",
        "sdk/chunk-EFC4F43D",
        "sdk/chunk-3F94B7F2",
        "sdk/chunk-E9ADB44D",
        "sdk/@aws-sdk/client-sns"
      ],
      "packageJson": {
        "name": "@aws-sdk/client-sns",
        "version": "3.1178.0",
        "description": "AWS SDK for JavaScript Sns Client for Node.js, Browser and React Native",
        "license": "Apache-2.0",
        "main": "./dist-cjs/index.js",
        "module": "./dist-es/index.js",
        "types": "./dist-types/index.d.ts"
      }
    },
    "@aws-sdk/client-eventbridge": {
      "key": "sdk/@aws-sdk/client-eventbridge",
      "requires": [
        "sdk/chunk-AD94D3C5",
        "sdk/chunk-F765A2F6",
        "sdk/chunk-D77EEEC5",
        "sdk/chunk-5DEB0087",
        "sdk/chunk-EFC4F43D",
        "sdk/chunk-E94CBE51",
        "sdk/chunk-3F94B7F2",
        "sdk/chunk-E9ADB44D",
        "sdk/@aws-sdk/client-eventbridge"
      ],
      "packageJson": {
        "name": "@aws-sdk/client-eventbridge",
        "version": "3.1178.0",
        "description": "AWS SDK for JavaScript Eventbridge Client for Node.js, Browser and React Native",
        "license": "Apache-2.0",
        "main": "./dist-cjs/index.js",
        "module": "./dist-es/index.js",
        "types": "./dist-types/index.d.ts"
      }
    },
    "@aws-sdk/client-lambda": {
      "key": "sdk/@aws-sdk/client-lambda",
      "requires": [
        "sdk/chunk-AD94D3C5",
        "sdk/chunk-F765A2F6",
        "sdk/chunk-5DEB0087",
        "sdk/chunk-3F94B7F2",
        "sdk/chunk-D77EEEC5",
        "sdk/chunk-EFC4F43D",
        "sdk/chunk-E9ADB44D",
        "sdk/@aws-sdk/client-lambda"
      ],
      "packageJson": {
        "name": "@aws-sdk/client-lambda",
        "version": "3.1178.0",
        "description": "AWS SDK for JavaScript Lambda Client for Node.js, Browser and React Native",
        "license": "Apache-2.0",
        "main": "./dist-cjs/index.js",
        "module": "./dist-es/index.js",
        "types": "./dist-types/index.d.ts"
      }
    },
    "@aws-sdk/client-sts": {
      "key": "sdk/@aws-sdk/client-sts",
      "requires": [
        "sdk/chunk-AD94D3C5",
        "sdk/chunk-F765A2F6",
        "sdk/chunk-D77EEEC5",
        "sdk/chunk-5DEB0087",
        "sdk/chunk-EFC4F43D",
        "sdk/chunk-E94CBE51",
        "sdk/chunk-3F94B7F2",
        "sdk/chunk-E9ADB44D",
        "sdk/@aws-sdk/client-sts"
      ],
      "packageJson": {
        "name": "@aws-sdk/client-sts",
        "version": "3.1178.0",
        "description": "AWS SDK for JavaScript Sts Client for Node.js, Browser and React Native",
        "license": "Apache-2.0",
        "main": "./dist-cjs/index.js",
        "module": "./dist-es/index.js",
        "types": "./dist-types/index.d.ts"
      }
    },
    "@smithy/node-http-handler": {
      "key": "sdk/@smithy/node-http-handler",
      "requires": [
        "sdk/chunk-AD94D3C5",
        "sdk/chunk-F765A2F6",
        "sdk/chunk-D77EEEC5",
        "sdk/chunk-5DEB0087",
        "sdk/chunk-3F94B7F2",
        "sdk/chunk-E9ADB44D",
        "sdk/@smithy/node-http-handler"
      ],
      "packageJson": {
        "name": "@smithy/node-http-handler",
        "version": "4.14.2",
        "description": "Provides a way to make requests",
        "license": "Apache-2.0",
        "main": "./dist-cjs/index.js",
        "module": "./dist-es/index.js",
        "types": "./dist-types/index.d.ts"
      }
    }
  },
  /** Bytes of each factory script: [raw, gzip]. */
  sizes: {
    "sdk/@aws-sdk/client-dynamodb": [
      18019,
      4014
    ],
    "sdk/@aws-sdk/client-eventbridge": [
      53132,
      14186
    ],
    "sdk/@aws-sdk/client-lambda": [
      125569,
      27282
    ],
    "sdk/@aws-sdk/client-s3": [
      173911,
      45534
    ],
    "sdk/@aws-sdk/client-sns": [
      46014,
      10397
    ],
    "sdk/@aws-sdk/client-sqs": [
      37297,
      9376
    ],
    "sdk/@aws-sdk/client-sts": [
      30239,
      8350
    ],
    "sdk/@aws-sdk/lib-dynamodb": [
      17624,
      2925
    ],
    "sdk/@aws-sdk/util-dynamodb": [
      744,
      430
    ],
    "sdk/@smithy/node-http-handler": [
      720,
      421
    ],
    "sdk/chunk-3F94B7F2": [
      15326,
      5274
    ],
    "sdk/chunk-485C218B": [
      40157,
      8312
    ],
    "sdk/chunk-5DEB0087": [
      7550,
      3300
    ],
    "sdk/chunk-758866D8": [
      6155,
      2188
    ],
    "sdk/chunk-AD94D3C5": [
      1163,
      510
    ],
    "sdk/chunk-D77EEEC5": [
      41296,
      13768
    ],
    "sdk/chunk-E94CBE51": [
      4823,
      1535
    ],
    "sdk/chunk-E9ADB44D": [
      1257,
      586
    ],
    "sdk/chunk-EFC4F43D": [
      109055,
      35258
    ],
    "sdk/chunk-F0E9A780": [
      93941,
      25912
    ],
    "sdk/chunk-F765A2F6": [
      33409,
      12214
    ]
  },
}

/** Each factory script, loaded on demand (its own chunk in the browser build). */
export const SDK_SOURCES: Record<string, () => Promise<{ default: string }>> = {
  "sdk/@aws-sdk/client-dynamodb": () => import('./client-dynamodb.ts'),
  "sdk/@aws-sdk/client-eventbridge": () => import('./client-eventbridge.ts'),
  "sdk/@aws-sdk/client-lambda": () => import('./client-lambda.ts'),
  "sdk/@aws-sdk/client-s3": () => import('./client-s3.ts'),
  "sdk/@aws-sdk/client-sns": () => import('./client-sns.ts'),
  "sdk/@aws-sdk/client-sqs": () => import('./client-sqs.ts'),
  "sdk/@aws-sdk/client-sts": () => import('./client-sts.ts'),
  "sdk/@aws-sdk/lib-dynamodb": () => import('./lib-dynamodb.ts'),
  "sdk/@aws-sdk/util-dynamodb": () => import('./util-dynamodb.ts'),
  "sdk/@smithy/node-http-handler": () => import('./node-http-handler.ts'),
  "sdk/chunk-3F94B7F2": () => import('./chunk-3F94B7F2.ts'),
  "sdk/chunk-485C218B": () => import('./chunk-485C218B.ts'),
  "sdk/chunk-5DEB0087": () => import('./chunk-5DEB0087.ts'),
  "sdk/chunk-758866D8": () => import('./chunk-758866D8.ts'),
  "sdk/chunk-AD94D3C5": () => import('./chunk-AD94D3C5.ts'),
  "sdk/chunk-D77EEEC5": () => import('./chunk-D77EEEC5.ts'),
  "sdk/chunk-E94CBE51": () => import('./chunk-E94CBE51.ts'),
  "sdk/chunk-E9ADB44D": () => import('./chunk-E9ADB44D.ts'),
  "sdk/chunk-EFC4F43D": () => import('./chunk-EFC4F43D.ts'),
  "sdk/chunk-F0E9A780": () => import('./chunk-F0E9A780.ts'),
  "sdk/chunk-F765A2F6": () => import('./chunk-F765A2F6.ts'),
}
