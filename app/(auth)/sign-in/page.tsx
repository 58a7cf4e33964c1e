import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { oauthProviderIds } from "@/lib/auth/options";
import { currentActor } from "@/lib/auth/require";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/db/seed/demo-accounts";
import { isDemoMode } from "@/lib/env";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

function safeCallback(value: string | string[] | undefined): string {
  const url = Array.isArray(value) ? value[0] : value;
  // Only same-site paths: never bounce a fresh session to another origin.
  return url?.startsWith("/") && !url.startsWith("//") ? url : "/overview";
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await currentActor()) redirect(callbackUrl);
  const demo = isDemoMode();
  return (
    <main id="main" className="flex min-h-screen items-center justify-center bg-muted/40 p-6">
      <div className="w-full max-w-md space-y-6">
        <div className="text-center">
          <h1 className="text-2xl font-semibold tracking-tight">Sign in to Tandem</h1>
          <p className="mt-1 text-sm text-muted-foreground">
            Software and model delivery in one control room.
          </p>
        </div>
        <SignInForm
          callbackUrl={callbackUrl}
          oauthProviders={oauthProviderIds()}
          demoAccounts={demo ? DEMO_ACCOUNTS.map((a) => ({ ...a })) : []}
          demoPassword={demo ? DEMO_PASSWORD : null}
          initialError={params.error ? "Sign-in failed. Check your email and password." : null}
        />
      </div>
    </main>
  );
}
