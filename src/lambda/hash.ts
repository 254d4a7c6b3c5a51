// FNV-1a (32-bit), the one non-cryptographic hash of the engine: stable digest-shaped strings
// (CodeSha256, runtime version ARNs) that must not change between runs.

export const FNV_OFFSET = 0x811c9dc5
export const FNV_PRIME = 0x01000193

/** One FNV-1a step: mix one 16-bit code unit into the hash `h` (an unsigned 32-bit result). */
export function fnv1aStep(h: number, code: number, prime: number = FNV_PRIME): number {
  return Math.imul(h ^ code, prime) >>> 0
}
