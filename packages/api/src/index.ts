/** @hearth/api: the tRPC router, its types and the pieces tests compose. */
export { appRouter, createCaller, type AppRouter, type RouterInputs, type RouterOutputs } from "./root";
export { createContextInner, type ApiDeps, type Context, type RequestMeta } from "./context";
export { createAuth, appForKind, type Auth, type SessionUser } from "./auth/lucia";
export { createLogger, type Logger } from "./logger";
export { createDevMailbox, createSmtpMailer, type Mailer, type OutgoingEmail } from "./mail/mailer";
export { systemClock, type Clock } from "./clock";
