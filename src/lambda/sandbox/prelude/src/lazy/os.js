// os: values shaped like a Lambda execution environment (x86_64 Amazon Linux, sandbox user).
export default function factory(load, internals) {
  const env = () => internals.process.env
  const memoryMb = () => {
    const v = Number(env().AWS_LAMBDA_FUNCTION_MEMORY_SIZE)
    return Number.isFinite(v) && v > 0 ? v : 128
  }
  // Lambda allocates vCPUs in proportion to memory: 1,769 MB = 1 vCPU, up to 6.
  const cpuCount = () => Math.max(2, Math.min(6, Math.ceil(memoryMb() / 1769)))
  const cpu = () => ({
    model: 'Intel(R) Xeon(R) Processor @ 2.50GHz',
    speed: 2500,
    times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 },
  })
  const constants = {
    UV_UDP_REUSEADDR: 4,
    dlopen: {},
    errno: {},
    signals: { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15 },
    priority: {
      PRIORITY_LOW: 19,
      PRIORITY_BELOW_NORMAL: 10,
      PRIORITY_NORMAL: 0,
      PRIORITY_ABOVE_NORMAL: -7,
      PRIORITY_HIGH: -14,
      PRIORITY_HIGHEST: -20,
    },
  }
  return {
    EOL: '\n',
    devNull: '/dev/null',
    constants,
    arch: () => 'x64',
    platform: () => 'linux',
    type: () => 'Linux',
    release: () => '5.10.240-258.966.amzn2.x86_64',
    version: () => '#1 SMP Tue Nov 4 00:00:00 UTC 2025',
    machine: () => 'x86_64',
    endianness: () => 'LE',
    hostname: () => '169.254.10.1',
    homedir: () => '/home/sbx_user1051',
    tmpdir: () => '/tmp',
    uptime: () => Math.floor(internals.process.uptime()) + 30,
    loadavg: () => [0, 0, 0],
    totalmem: () => (memoryMb() + 64) * 1024 * 1024,
    freemem: () => Math.max(0, memoryMb() * 1024 * 1024 - internals.process.memoryUsage().rss),
    cpus: () => Array.from({ length: cpuCount() }, cpu),
    availableParallelism: () => cpuCount(),
    networkInterfaces: () => ({}),
    userInfo: () => ({ uid: 993, gid: 990, username: 'sbx_user1051', homedir: '/home/sbx_user1051', shell: null }),
    getPriority: () => 0,
    setPriority: () => {},
  }
}
