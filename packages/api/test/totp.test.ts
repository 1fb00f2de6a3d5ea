import { describe, expect, it } from "vitest";
import {
  base32Decode,
  base32Encode,
  hotp,
  matchTotp,
  newTotpSecret,
  otpauthUrl,
  totpCode,
  totpStep,
} from "../src/auth/totp";

describe("TOTP (RFC 6238)", () => {
  // Appendix B, SHA1: the key is the ASCII "12345678901234567890", 8 digits.
  const key = Buffer.from("12345678901234567890", "ascii");
  const vectors: [number, string][] = [
    [59, "94287082"],
    [1111111109, "07081804"],
    [1111111111, "14050471"],
    [1234567890, "89005924"],
    [2000000000, "69279037"],
    [20000000000, "65353130"],
  ];

  it("matches the RFC 6238 SHA1 test vectors", () => {
    for (const [seconds, expected] of vectors) {
      const step = totpStep(new Date(seconds * 1000));
      expect(hotp(key, step, 8)).toBe(expected);
      // Six digits are the last six of the eight.
      expect(hotp(key, step)).toBe(expected.slice(2));
    }
  });

  it("round-trips base32 and reads the RFC key from its base32 form", () => {
    const secret = base32Encode(key);
    expect(secret).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    expect(base32Decode(secret).equals(key)).toBe(true);
    expect(totpCode(secret, new Date(59_000))).toBe("287082");
    expect(newTotpSecret()).toMatch(/^[A-Z2-7]{32}$/);
  });

  it("accepts one step either side, once, and nothing else", () => {
    const secret = base32Encode(key);
    const now = new Date(1111111111 * 1000);
    const step = totpStep(now);
    expect(matchTotp(secret, totpCode(secret, now), now, null)).toBe(step);
    expect(matchTotp(secret, totpCode(secret, new Date(now.getTime() - 30_000)), now, null)).toBe(
      step - 1,
    );
    expect(matchTotp(secret, totpCode(secret, new Date(now.getTime() + 30_000)), now, null)).toBe(
      step + 1,
    );
    expect(matchTotp(secret, totpCode(secret, new Date(now.getTime() - 60_000)), now, null)).toBe(
      null,
    );
    expect(matchTotp(secret, totpCode(secret, now), now, step)).toBe(null);
    expect(matchTotp(secret, "12345", now, null)).toBe(null);
  });

  it("builds an otpauth URL", () => {
    expect(otpauthUrl("ABC", "a@b.test")).toBe(
      "otpauth://totp/Hearth:a%40b.test?secret=ABC&issuer=Hearth&algorithm=SHA1&digits=6&period=30",
    );
  });
});
