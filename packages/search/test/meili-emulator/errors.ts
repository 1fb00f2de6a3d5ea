/** Meilisearch's error body and the errors the emulator answers with. */

export interface MeiliErrorBody {
  message: string;
  code: string;
  type: "invalid_request" | "internal" | "auth" | "system";
  link: string;
}

/** An error Meilisearch would answer synchronously, with its HTTP status. */
export class MeiliHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly type: MeiliErrorBody["type"] = "invalid_request",
  ) {
    super(message);
  }

  body(): MeiliErrorBody {
    return {
      message: this.message,
      code: this.code,
      type: this.type,
      link: `https://docs.meilisearch.com/errors#${this.code}`,
    };
  }
}

export function taskError(code: string, message: string): MeiliErrorBody {
  return new MeiliHttpError(400, code, message).body();
}
