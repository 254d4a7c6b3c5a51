// internal/hashes: @noble/hashes digests, loaded by crypto only when a hash is first used.
import { sha1, md5 } from '@noble/hashes/legacy.js'
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js'
import { hmac } from '@noble/hashes/hmac.js'
import { pbkdf2 } from '@noble/hashes/pbkdf2.js'

export default function factory() {
  return { digests: { md5, sha1, sha224, sha256, sha384, sha512 }, hmac, pbkdf2 }
}
