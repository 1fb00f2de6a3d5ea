/** The forms of an account page, each posted with its `intent`. */
export type AccountIntent =
  | "name"
  | "time-zone"
  | "password"
  | "two-factor-begin"
  | "two-factor-enable"
  | "two-factor-disable";

/** A secret being set up, shown until a code from it turns two-factor sign-in on. */
export interface TwoFactorSetup {
  secret: string;
  otpauthUrl: string;
  /** The otpauth URL as a QR code image (a data: URL), drawn on the server. */
  qrDataUrl: string | null;
}

/** What an account page's action answers, for the form that was posted. */
export interface AccountActionResult {
  intent: AccountIntent;
  ok: boolean;
  /** A sentence for the whole form: what was done, or why not. */
  message: string | null;
  fieldErrors: Record<string, string[] | undefined>;
  setup: TwoFactorSetup | null;
}

/** What an account page's loader gives. */
export interface AccountPageData {
  user: { displayName: string; email: string; kind: string };
  organizationName: string | null;
  /** The zone the person chose for dates; null: their device's. */
  timeZone: string | null;
  /** The zones to choose from: every one this server knows. */
  timeZones: string[];
  organizationTimeZone: string | null;
  /** Null where two-factor sign-in is not offered (residents, pros, owners). */
  twoFactor: { enabled: boolean; enabledAt: string | null } | null;
}
