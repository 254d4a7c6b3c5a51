export interface Attack {
  label: string
  source: string
  config?: { MemorySize?: number; Timeout?: number }
  payload?: string
}

export declare const ATTACKS: Attack[]
