import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  MANAGER_URL: z.string().url().default("http://localhost:3000"),
  RESIDENT_URL: z.string().url().default("http://localhost:3001"),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("Hearth <no-reply@hearth.local>"),
  /**
   * The dev mailbox page, loopback only: on by default outside production without SMTP. The
   * browser suite turns it on for the production build it runs against.
   */
  DEV_TOOLS: z.enum(["on", "off"]).optional(),
  /** Secure cookies; on by default in production. */
  SESSION_SECURE: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === "true")),
  /** Meilisearch for message search; unset, search runs on Postgres itself. */
  MEILI_URL: z.string().url().optional(),
  /** A key allowed to search, add and delete documents and change the index's settings. */
  MEILI_API_KEY: z.string().min(1).optional(),
  /** Meilisearch's master key; used when MEILI_API_KEY is unset. */
  MEILI_MASTER_KEY: z.string().min(1).optional(),
  MEILI_INDEX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,100}$/)
    .default("messages"),
  /** Where local data lives; uploads go to its `uploads/` when UploadThing is not set up. */
  HEARTH_DATA_DIR: z.string().min(1).optional(),
  /** UploadThing keeps attachments when set (its dashboard's token); otherwise the local disk. */
  UPLOADTHING_TOKEN: z.string().min(1).optional(),
  /** Twilio sends SMS when these three are set; unset, texts go to the dev outbox (/dev/sms). */
  TWILIO_ACCOUNT_SID: z.string().min(1).optional(),
  TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
  /** The number (E.164) or messaging service texts come from. */
  TWILIO_FROM: z.string().min(1).optional(),
  /** Twilio's API address; tests point it at a stand-in on loopback. */
  TWILIO_API_BASE_URL: z.string().url().default("https://api.twilio.com"),
  /**
   * The public URL Twilio posts replies to (…/api/sms/inbound), as configured in Twilio: the
   * signature covers it, and behind a proxy the request's own URL differs.
   */
  TWILIO_WEBHOOK_URL: z.string().url().optional(),
  /** Who runs this server, for browser push services (VAPID's "sub"): a mailto: or https: URL. */
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)\S+$/, "Use a mailto: address or an https: URL")
    .default("mailto:push@hearth.invalid"),
  /**
   * Push services to post to beyond the browser vendors', comma-separated "scheme://host" (any
   * port), e.g. "http://127.0.0.1" for the browser suite's stand-in push service.
   */
  WEB_PUSH_EXTRA_ENDPOINTS: z
    .string()
    .default("")
    .transform((list) =>
      list
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean),
    ),
  /**
   * Addresses of the reverse proxies in front of the app, comma-separated. Only a request from
   * one of them has its X-Forwarded-For believed; by default none is, and the socket decides.
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((list) =>
      list
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean),
    ),
});

export type ServerEnv = z.infer<typeof schema>;

/** The API's environment, read once and validated; nothing else in the API reads process.env. */
export function readServerEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}
