/** Values several profiles use: the seed file names and common MIME type lists. */

/** Seed files: the vendor articles the profiles reproduce. */
export const seedFiles = {
  individual: "000_961bdf50a86a105e.txt",
  connectedManager: "001_57fd5ed943710372.txt",
  connectedTenant: "002_a6a65141a3d7a1b4.txt",
  coworking: "003_13f7761103026399.txt",
  landlordLed: "004_8e2377c95d351532.txt",
} as const;

export const MB = 1024 * 1024;

/** Images, PDFs, plain text and office documents. */
export const documentTypes = [
  "image/*",
  "application/pdf",
  "text/plain",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
] as const;

/** Photos and videos, plus PDFs. */
export const mediaTypes = ["image/*", "video/*", "application/pdf"] as const;
