import "server-only";
import { eq, sql } from "drizzle-orm";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GitLabProvider from "next-auth/providers/gitlab";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { env, isDemoMode } from "@/lib/env";
import { logger } from "@/lib/log";
import { findUserByEmail } from "./actor";
import { verifyPassword } from "./password";
import { authSecret } from "./secret";

const credentialsSchema = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(512),
});

function oauthProviders(): AuthOptions["providers"] {
  const e = env();
  const providers: AuthOptions["providers"] = [];
  if (e.GITHUB_CLIENT_ID && e.GITHUB_CLIENT_SECRET) {
    providers.push(GitHubProvider({ clientId: e.GITHUB_CLIENT_ID, clientSecret: e.GITHUB_CLIENT_SECRET }));
  }
  if (e.GITLAB_CLIENT_ID && e.GITLAB_CLIENT_SECRET) {
    const base = e.GITLAB_URL ?? "https://gitlab.com";
    providers.push(
      GitLabProvider({
        clientId: e.GITLAB_CLIENT_ID,
        clientSecret: e.GITLAB_CLIENT_SECRET,
        authorization: { url: `${base}/oauth/authorize`, params: { scope: "read_user" } },
        token: `${base}/oauth/token`,
        userinfo: `${base}/api/v4/user`,
      }),
    );
  }
  return providers;
}

/** Names of the OAuth providers that are configured, for the sign-in page. */
export function oauthProviderIds(): { id: string; name: string }[] {
  const e = env();
  return [
    ...(e.GITHUB_CLIENT_ID ? [{ id: "github", name: "GitHub" }] : []),
    ...(e.GITLAB_CLIENT_ID ? [{ id: "gitlab", name: "GitLab" }] : []),
  ];
}

/**
 * next-auth configuration. Sessions are JWTs carrying only the user id; every request
 * re-reads the user (lib/auth/require.ts), so disabling or re-roling takes effect at once.
 */
export function authOptions(): AuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    logger: {
      error: (code, metadata) => logger.error({ code, metadata }, "next-auth error"),
      warn: (code) => {
        // Without NEXTAUTH_URL next-auth assumes http://localhost:3000, which is right for the demo.
        if (code === "NEXTAUTH_URL" && isDemoMode()) return;
        logger.warn({ code }, "next-auth warning");
      },
      debug: () => {},
    },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(raw) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const db = await getDb();
          const user = await findUserByEmail(db, parsed.data.email);
          if (!user || user.disabledAt || !user.passwordHash) return null;
          if (!(await verifyPassword(parsed.data.password, user.passwordHash))) return null;
          await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
      ...oauthProviders(),
    ],
    callbacks: {
      // OAuth sign-in is for people an admin already added: matched by verified email.
      async signIn({ user, account }) {
        if (!account || account.provider === "credentials") return true;
        if (!user.email) return false;
        const db = await getDb();
        const existing = await findUserByEmail(db, user.email);
        return Boolean(existing && !existing.disabledAt);
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          if (account.provider === "credentials") {
            token.sub = user.id;
          } else if (user.email) {
            const db = await getDb();
            const [row] = await db
              .select({ id: users.id })
              .from(users)
              .where(sql`lower(${users.email}) = lower(${user.email})`);
            token.sub = row?.id;
          }
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, userId: token.sub };
      },
    },
  };
}
