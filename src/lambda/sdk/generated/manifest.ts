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
        "sdk/chunk-LRUQHS5I",
        "sdk/chunk-BVGYIUHQ",
        "sdk/chunk-QKL7YCVK",
        "sdk/chunk-V6NDADPV",
        "sdk/chunk-NNV2PWDA",
        "sdk/chunk-BFRX4L2D",
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
        "sdk/chunk-LRUQHS5I",
        "sdk/chunk-BVGYIUHQ",
        "sdk/chunk-QKL7YCVK",
        "sdk/chunk-V6NDADPV",
        "sdk/chunk-NNV2PWDA",
        "sdk/chunk-BFRX4L2D",
        "sdk/chunk-M24KX6ST",
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
        "sdk/chunk-LRUQHS5I",
        "sdk/chunk-M24KX6ST",
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
        "sdk/chunk-LRUQHS5I",
        "sdk/chunk-BVGYIUHQ",
        "sdk/chunk-QKL7YCVK",
        "sdk/chunk-V6NDADPV",
        "sdk/chunk-NNV2PWDA",
        "sdk/chunk-TTLPYCWT",
        "sdk/chunk-2COC3OCS",
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
        "sdk/chunk-LRUQHS5I",
        "sdk/chunk-BVGYIUHQ",
        "sdk/chunk-QKL7YCVK",
        "sdk/chunk-V6NDADPV",
        "sdk/chunk-NNV2PWDA",
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
        "sdk/chunk-LRUQHS5I",
        "sdk/chunk-BVGYIUHQ",
        "sdk/chunk-QKL7YCVK",
        "sdk/chunk-V6NDADPV",
        "sdk/chunk-NNV2PWDA",
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
        "sdk/chunk-LRUQHS5I",
        "sdk/chunk-BVGYIUHQ",
        "sdk/chunk-QKL7YCVK",
        "sdk/chunk-V6NDADPV",
        "sdk/chunk-NNV2PWDA",
        "sdk/chunk-TTLPYCWT",
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
        "sdk/chunk-LRUQHS5I",
        "sdk/chunk-BVGYIUHQ",
        "sdk/chunk-V6NDADPV",
        "sdk/chunk-2COC3OCS",
        "sdk/chunk-QKL7YCVK",
        "sdk/chunk-NNV2PWDA",
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
        "sdk/chunk-LRUQHS5I",
        "sdk/chunk-BVGYIUHQ",
        "sdk/chunk-QKL7YCVK",
        "sdk/chunk-V6NDADPV",
        "sdk/chunk-NNV2PWDA",
        "sdk/chunk-TTLPYCWT",
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
        "sdk/chunk-LRUQHS5I",
        "sdk/chunk-BVGYIUHQ",
        "sdk/chunk-QKL7YCVK",
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
      4013
    ],
    "sdk/@aws-sdk/client-eventbridge": [
      53132,
      14184
    ],
    "sdk/@aws-sdk/client-lambda": [
      125569,
      27281
    ],
    "sdk/@aws-sdk/client-s3": [
      173911,
      45543
    ],
    "sdk/@aws-sdk/client-sns": [
      46014,
      10398
    ],
    "sdk/@aws-sdk/client-sqs": [
      37297,
      9377
    ],
    "sdk/@aws-sdk/client-sts": [
      30239,
      8350
    ],
    "sdk/@aws-sdk/lib-dynamodb": [
      17624,
      2923
    ],
    "sdk/@aws-sdk/util-dynamodb": [
      744,
      432
    ],
    "sdk/@smithy/node-http-handler": [
      720,
      425
    ],
    "sdk/chunk-2COC3OCS": [
      15326,
      5276
    ],
    "sdk/chunk-646XZ3CZ": [
      40157,
      8312
    ],
    "sdk/chunk-BFRX4L2D": [
      93941,
      25910
    ],
    "sdk/chunk-BVGYIUHQ": [
      33409,
      12214
    ],
    "sdk/chunk-GFQBN3VL": [
      1257,
      587
    ],
    "sdk/chunk-LRUQHS5I": [
      1163,
      510
    ],
    "sdk/chunk-M24KX6ST": [
      6155,
      2187
    ],
    "sdk/chunk-NNV2PWDA": [
      109055,
      35260
    ],
    "sdk/chunk-QKL7YCVK": [
      41173,
      13708
    ],
    "sdk/chunk-TTLPYCWT": [
      4823,
      1536
    ],
    "sdk/chunk-V6NDADPV": [
      7550,
      3305
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
  "sdk/chunk-2COC3OCS": () => import('./chunk-2COC3OCS.ts'),
  "sdk/chunk-646XZ3CZ": () => import('./chunk-646XZ3CZ.ts'),
  "sdk/chunk-BFRX4L2D": () => import('./chunk-BFRX4L2D.ts'),
  "sdk/chunk-BVGYIUHQ": () => import('./chunk-BVGYIUHQ.ts'),
  "sdk/chunk-GFQBN3VL": () => import('./chunk-GFQBN3VL.ts'),
  "sdk/chunk-LRUQHS5I": () => import('./chunk-LRUQHS5I.ts'),
  "sdk/chunk-M24KX6ST": () => import('./chunk-M24KX6ST.ts'),
  "sdk/chunk-NNV2PWDA": () => import('./chunk-NNV2PWDA.ts'),
  "sdk/chunk-QKL7YCVK": () => import('./chunk-QKL7YCVK.ts'),
  "sdk/chunk-TTLPYCWT": () => import('./chunk-TTLPYCWT.ts'),
  "sdk/chunk-V6NDADPV": () => import('./chunk-V6NDADPV.ts'),
}
