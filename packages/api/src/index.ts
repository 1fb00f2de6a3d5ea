/** @hearth/api: the tRPC router, its types and the pieces tests compose. */

export { type Auth, appForKind, createAuth, type SessionUser } from "./auth/lucia";
export { type Clock, systemClock } from "./clock";
export { type ApiDeps, type Context, createContextInner, type RequestMeta } from "./context";
export { createLogger, type Logger } from "./logger";
export { createDevMailbox, createSmtpMailer, type Mailer, type OutgoingEmail } from "./mail/mailer";
export type { LiveEvent } from "./realtime/events";
export { createLiveHub, type LiveHub, publishLiveEvent } from "./realtime/hub";
export {
  type AppRouter,
  appRouter,
  createCaller,
  type RouterInputs,
  type RouterOutputs,
} from "./root";
export { FieldProblems, unexpectedErrorMessage } from "./trpc";
