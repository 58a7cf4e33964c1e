import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";

/**
 * Input schemas shared by the REST API, the server actions and the verbs, so every entry
 * point accepts and rejects the same things with the same messages.
 */

export const roleSchema = z.enum(ROLES, { error: "Choose one of: viewer, engineer, approver, admin." });

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address.").max(320, "Use at most 320 characters."));

/** bcrypt reads only the first 72 bytes; longer passwords would be silently truncated. */
export const passwordSchema = z
  .string()
  .min(12, "Use at least 12 characters.")
  .refine(
    (value) => new TextEncoder().encode(value).length <= 72,
    "Use at most 72 bytes (bcrypt ignores the rest).",
  );

export const createUserInput = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "Enter a name.").max(200, "Use at most 200 characters."),
  role: roleSchema.default("viewer"),
  password: passwordSchema,
});
export type CreateUserInput = z.input<typeof createUserInput>;

/** The body of `PATCH /api/v1/users/{id}`: change the role, disable or enable, or both. */
export const updateUserBody = z
  .object({
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((value) => value.role !== undefined || value.disabled !== undefined, {
    message: "Send `role`, `disabled` or both.",
  });

export const updateUserInput = z
  .object({
    id: z.uuid("Not a valid user id."),
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((value) => value.role !== undefined || value.disabled !== undefined, {
    message: "Send `role`, `disabled` or both.",
  });
export type UpdateUserInput = z.input<typeof updateUserInput>;

export const listUsersInput = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListUsersInput = z.input<typeof listUsersInput>;
