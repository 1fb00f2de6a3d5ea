import type { Call } from "../load/http";
import type { MemorySample } from "../servers/process";

/** `plain` is the bare server's framework-free SSE endpoint, measured for idle connections only. */
export type TargetName = "product" | "bare" | "plain";

/** A server under measurement, and how each measured path is asked of it. */
export interface Target {
  name: TargetName;
  pid: number;
  memory(): Promise<MemorySample>;
  /** Live subscriptions the server holds right now. */
  subscribers(): Promise<number>;
  /** The owner sends, on the `connection`-th of the owner's sessions. */
  send(connection: number, conversationId: string, clientId: string, body: string): Call;
  /** The owner's inbox. */
  inbox(connection: number): Call;
  /** The newest page of a conversation, as the owner sees it. */
  thread(connection: number, conversationId: string): Call;
  /** A message search by the owner, first page. */
  search(connection: number, text: string): Call;
  /** The live stream of the `resident`-th bench resident. */
  live(resident: number): Call;
  /** The same stream without tRPC, where the server has one. */
  plainLive?(resident: number): Call;
}
