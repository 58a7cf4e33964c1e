"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

type DemoAccount = { email: string; role: string; name: string };

export function SignInForm(props: {
  callbackUrl: string;
  oauthProviders: { id: string; name: string }[];
  demoAccounts: DemoAccount[];
  demoPassword: string | null;
  initialError: string | null;
}) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState(props.initialError);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email, password, redirect: false });
    if (result?.ok && !result.error) {
      router.replace(props.callbackUrl);
      router.refresh();
      return;
    }
    setPending(false);
    setError("That email and password do not match an active account.");
  }

  return (
    <div className="space-y-4">
      <Card>
        <CardContent className="pt-6">
          <form
            onSubmit={submit}
            className="space-y-4"
            aria-describedby={error ? "sign-in-error" : undefined}
          >
            <div className="space-y-2">
              <Label htmlFor="email">Email</Label>
              <Input
                id="email"
                name="email"
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            </div>
            <div className="space-y-2">
              <Label htmlFor="password">Password</Label>
              <Input
                id="password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </div>
            {error ? (
              <p id="sign-in-error" role="alert" className="text-sm text-destructive">
                {error}
              </p>
            ) : null}
            <Button type="submit" className="w-full" disabled={pending}>
              {pending ? "Signing in…" : "Sign in"}
            </Button>
          </form>
          {props.oauthProviders.length > 0 ? (
            <div className="mt-4 space-y-2">
              {props.oauthProviders.map((provider) => (
                <Button
                  key={provider.id}
                  variant="outline"
                  className="w-full"
                  onClick={() => signIn(provider.id, { callbackUrl: props.callbackUrl })}
                >
                  Continue with {provider.name}
                </Button>
              ))}
            </div>
          ) : null}
        </CardContent>
      </Card>
      {props.demoAccounts.length > 0 && props.demoPassword ? (
        <Card>
          <CardHeader>
            <CardTitle as="h2">Demo accounts</CardTitle>
            <CardDescription>
              Demo mode. Every account uses the password{" "}
              <code className="font-mono">{props.demoPassword}</code>.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="divide-y" aria-label="Demo accounts">
              {props.demoAccounts.map((account) => (
                <li key={account.email} className="flex items-center justify-between gap-2 py-2">
                  <span className="min-w-0">
                    <span className="block truncate text-sm font-medium">{account.email}</span>
                    <Badge variant="outline">{account.role}</Badge>
                  </span>
                  <Button
                    variant="secondary"
                    size="sm"
                    aria-label={`Use ${account.email}`}
                    onClick={() => {
                      setEmail(account.email);
                      setPassword(props.demoPassword ?? "");
                    }}
                  >
                    Use
                  </Button>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
