/** @hearth/api/server: what a server process (a Remix app, the worker) uses to run the API. */

export { readServerEnv, type ServerEnv } from "../env";
export { searchEngineFromEnv } from "../search/engine";
export { reindexAll } from "../search/reindex";
export { clientAddress, PEER_ADDRESS_HEADER } from "./client-address";
export { handleFilesRequest, isFilesUrl } from "./files";
export {
  type ApiRuntime,
  type ConnectionInfo,
  createApiRuntime,
  createRequestCaller,
  createRequestContext,
  handleHealthRequest,
  handleTrpcRequest,
  isSameOriginOrSafe,
  MAX_BATCH_CALLS,
} from "./runtime";
export { handleSmsInbound, isSmsInboundUrl } from "./sms-inbound";
