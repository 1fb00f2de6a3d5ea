import os from "node:os";
import { z } from "zod";

/** Everything a run varies: the data set's size and how long and how hard each phase loads. */
export interface BenchConfig {
  quick: boolean;
  /** `--profile`: the product server runs under Node's CPU profiler for the whole run. */
  profile: boolean;
  /**
   * `--meili-emulator`: the product searches on Meilisearch, the emulator of its HTTP API from
   * packages/search's tests, and only the index lag is measured: the path through the search
   * outbox and the indexer, which the Postgres engine does not take.
   */
  meiliEmulator: boolean;
  messages: number;
  conversations: number;
  /** Residents of the bench organization: the live tabs' users and the owner's counterparts. */
  residents: number;
  /** Seconds of each measured step (a closed-loop round, a rate in a sweep, a live run). */
  stepSeconds: number;
  /** Closed-loop rounds per server; product and bare alternate round by round. */
  rounds: number;
  sendConnections: number;
  /** Connections of the closed-loop reads (inbox, thread): enough to saturate one process. */
  readConnections: number;
  /** Offered loads of the latency-vs-load sweeps, bounded per server by its closed-loop maximum. */
  sendRates: number[];
  readRates: number[];
  liveTabs: number[];
  /** Messages per second sent while live tabs listen. */
  liveRate: number;
  idleConnections: number[];
  firstConnectConcurrency: number[];
  /** Connects per concurrency level and server. */
  firstConnects: number;
  connectedTabs: number;
  connectedRate: number;
  connectedSeconds: number;
  /** Where Postgres runs: DATABASE_URL's server (a database of the bench's own), or embedded. */
  databaseUrl: string | undefined;
}

const env = z
  .object({
    BENCH_MESSAGES: z.coerce.number().int().min(1000).max(20_000_000).optional(),
    BENCH_CONVERSATIONS: z.coerce.number().int().min(10).max(100_000).optional(),
    BENCH_RESIDENTS: z.coerce.number().int().min(10).max(10_000).optional(),
    BENCH_STEP_SECONDS: z.coerce.number().min(1).max(120).optional(),
    DATABASE_URL: z.string().url().optional(),
  })
  .parse(process.env);

export function readConfig(argv: readonly string[]): BenchConfig {
  const quick = argv.includes("--quick");
  const stepSeconds = env.BENCH_STEP_SECONDS ?? (quick ? 3 : 8);
  return {
    quick,
    profile: argv.includes("--profile"),
    meiliEmulator: argv.includes("--meili-emulator"),
    messages: env.BENCH_MESSAGES ?? (quick ? 100_000 : 1_000_000),
    conversations: env.BENCH_CONVERSATIONS ?? 2_000,
    residents: env.BENCH_RESIDENTS ?? 1_000,
    stepSeconds,
    rounds: quick ? 2 : 3,
    sendConnections: 50,
    readConnections: 16,
    sendRates: quick ? [100, 400, 1000] : [100, 250, 500, 1000, 1500, 2000],
    readRates: quick ? [20, 200, 1000] : [10, 50, 100, 250, 500, 1000],
    liveTabs: quick ? [10, 1000] : [10, 100, 1000],
    liveRate: 50,
    idleConnections: quick ? [1000, 5000] : [1000, 5000, 10_000],
    firstConnectConcurrency: quick ? [1, 50] : [1, 10, 50],
    firstConnects: quick ? 100 : 300,
    connectedTabs: 5000,
    connectedRate: 100,
    connectedSeconds: quick ? 6 : 20,
    databaseUrl: env.DATABASE_URL,
  };
}

export function describeMachine() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryMb: Math.round(os.totalmem() / 2 ** 20),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: os.loadavg(),
  };
}
