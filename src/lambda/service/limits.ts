// Lambda's limits and the simulator's model constants (memory, CPU, payloads, init).
import type { SandboxLimits } from '../sandbox/types.ts'

/** Node.js process + runtime client overhead counted in Max Memory Used, on top of the QuickJS heap. */
export const BASELINE_MEMORY_MB = 62
/** Upper bound of the QuickJS heap per environment (each environment has its own WebAssembly memory). */
export const HEAP_CAP_MB = 512
/**
 * QuickJS's stack limit: deeper recursion throws RangeError (about 740 simple frames). QuickJS
 * measures its own shadow stack, but its C recursion also runs on the host's native stack, which a
 * Chromium Worker keeps small: at 256 KB plain recursion exhausted the Worker's native stack
 * (~1,200 frames) before QuickJS's check, losing the WebAssembly module. 128 KB keeps at least a
 * 10 % margin on the worst probe measured in a Worker (toString coercion chains, 143 KB).
 */
export const MAX_STACK_BYTES = 128 * 1024
export const INIT_LIMIT_MS = 10_000
export const SYNC_PAYLOAD_LIMIT = 6_291_456
export const ASYNC_PAYLOAD_LIMIT = 1_048_576
export const RESPONSE_LIMIT = 6_291_556
/** LogResult holds the last 4 KB of the invoke's log. */
export const LOG_TAIL_BYTES = 4096
export const DEFAULT_CPU_SPEED = 10
/** CPU the runtime client spends per invoke around the handler (ms at one full vCPU). */
export const INVOKE_OVERHEAD_CPU_MS = 0.1
/** Modelled runtime-init cost: fixed part + CPU part (ms at one full vCPU). */
export const RUNTIME_INIT_BASE_MS = 70
export const RUNTIME_INIT_CPU_MS = 3
/** MemorySize that buys one full vCPU. */
export const FULL_VCPU_MB = 1769

/** The sandbox limits for a MemorySize: the heap is what is left after the Node.js baseline, capped. */
export function limitsFor(memorySize: number): SandboxLimits {
  const heapMb = Math.max(16, Math.min(memorySize - BASELINE_MEMORY_MB, HEAP_CAP_MB))
  return { memoryLimitBytes: heapMb * 1024 * 1024, maxStackBytes: MAX_STACK_BYTES }
}
