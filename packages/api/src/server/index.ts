/** @hearth/api/server: what a server process (a Remix app, the worker) uses to run the API. */

export { readServerEnv, type ServerEnv } from "../env";
export {
  type ApiRuntime,
  createApiRuntime,
  createRequestCaller,
  createRequestContext,
  handleHealthRequest,
  handleTrpcRequest,
  isSameOriginOrSafe,
} from "./runtime";
