#!/usr/bin/env bash
# The whole Jira onboarding on local stand-ins, in one command — no AWS or Atlassian account:
#   app-template → setup (OAuth 3LO + PKCE through the localhost callback) → map → invite-user → link
#   → app-setup (the Forge app identity, probed on the local Forge proxy stand-in),
# then shows what was written to the (local) DynamoDB tables and Secrets Manager, and ends with
# `bgagent jira doctor`, which must be all green (the script fails otherwise). Then the Linear leg:
# linear setup → projects → onboard-project → invite-user → link → workspaces → linear doctor (all green).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/bgagent-target}"
# Two steps: `export PATH="$(…)"` would hide a failing venv set-up from `set -e`.
venv_bin="$("$root/scripts/venv")"
export PATH="$venv_bin:$PATH"

say() { printf '\n\033[1m== %s\033[0m\n' "$*" >&2; }
json_field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

say "Building bgagent and the local platform"
cargo build -q --bin bgagent --example local-platform
bgagent="$CARGO_TARGET_DIR/debug/bgagent"

port="${BGAGENT_DEMO_PORT:-8080}"
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  echo "port 8080 is busy; the demo registers port $port instead" >&2
fi
callback="http://localhost:$port/oauth/callback"

work="$(mktemp -d)"
trap 'kill "$platform_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
say "Starting moto (AWS API) with the platform stack, and the Atlassian stand-in"
"$CARGO_TARGET_DIR/debug/examples/local-platform" --env-file "$work/env" --callback-url "$callback" </dev/null &
platform_pid=$!
for _ in $(seq 1 300); do [ -f "$work/env" ] && break; sleep 0.1; done
[ -f "$work/env" ] || { echo "the local platform did not start" >&2; exit 1; }
# shellcheck disable=SC1091
. "$work/env"
export BROWSER="$root/examples/local/curl-browser.sh"
export BGAGENT_CONFIG_DIR="$work/config" BGAGENT_KEYCHAIN=off

say "bgagent jira app-template   (what an operator registers in the Atlassian console)"
"$bgagent" jira app-template --callback-url "$callback"

say "bgagent configure && bgagent login   (the admin's platform login: Cognito in moto; password on stdin)"
"$bgagent" configure
printf '%s\n' "$BGAGENT_DEMO_ADMIN_PASSWORD" | "$bgagent" login --username "$BGAGENT_DEMO_ADMIN_USER" --password-stdin
"$bgagent" whoami

say "bgagent jira setup   (client id/secret come from BGAGENT_JIRA_CLIENT_ID/_SECRET; the browser is curl)"
"$bgagent" jira setup --callback-url "$callback" --generate-webhook-secret --output json > "$work/setup.json"
cloud="$(json_field cloud_id < "$work/setup.json")"

say "bgagent jira map $cloud ENG --repo acme/widgets"
"$bgagent" jira map "$cloud" ENG --repo acme/widgets --status-on-start "In Progress"

say "bgagent jira invite-user $cloud sam.rivera@acme.example"
"$bgagent" jira invite-user "$cloud" sam.rivera@acme.example --output json > "$work/invite.json"
code="$(json_field code < "$work/invite.json")"
echo "invite code: $code (expires $(json_field expires_at < "$work/invite.json"))" >&2

say "bgagent jira link $code   (the teammate, on their machine: own login, through the platform API)"
(
  export BGAGENT_CONFIG_DIR="$work/teammate-config"
  "$bgagent" configure
  printf '%s\n' "$BGAGENT_DEMO_TEAMMATE_PASSWORD" | "$bgagent" login --username "$BGAGENT_DEMO_TEAMMATE_USER" --password-stdin
  "$bgagent" jira link "$code" --yes
)

say "What was written"
"$bgagent" jira tenants
"$bgagent" jira projects
"$bgagent" jira users "$cloud"
for output in JiraWorkspaceRegistryTableName JiraProjectMappingTableName JiraUserMappingTableName; do
  table="$(aws cloudformation describe-stacks --stack-name "$BGAGENT_STACK_NAME" \
    --query "Stacks[0].Outputs[?OutputKey=='$output'].OutputValue" --output text)"
  echo "--- $output ($table)" >&2
  aws dynamodb scan --table-name "$table" --query Items --output json >&2
done
echo "--- tenant bundle bgagent-jira-oauth-$cloud: fields (values are secret and not shown)" >&2
aws secretsmanager get-secret-value --secret-id "bgagent-jira-oauth-$cloud" --query SecretString --output text |
  python3 -c 'import json,sys; print(", ".join(sorted(json.load(sys.stdin))))' >&2
say "bgagent jira app-setup   (Forge app identity; the signed probe goes to the local Forge proxy stand-in)"
"$bgagent" jira app-setup "$cloud" --proxy-url "https://demo-install.webtrigger.atlassian.app/public/bgagent-outbound"

say "bgagent jira doctor   (every link of the trigger chain, read-only; signed probe of the local webhook receiver)"
"$bgagent" jira doctor | tee "$work/doctor.txt"
grep -q ' 0 warning(s), 0 failed$' "$work/doctor.txt" || { echo "doctor is not all green" >&2; exit 1; }
say "Linear: bgagent linear setup $BGAGENT_DEMO_LINEAR_SLUG   (actor=app, form-encoded token exchange; client and lin_wh_ secret from BGAGENT_LINEAR_*; the browser is curl)"
"$bgagent" linear app-template --callback-url "$callback" >/dev/null
"$bgagent" linear setup "$BGAGENT_DEMO_LINEAR_SLUG" --callback-url "$callback"
"$bgagent" linear projects
say "bgagent linear onboard-project $BGAGENT_DEMO_LINEAR_PROJECT --repo acme/widgets"
"$bgagent" linear onboard-project "$BGAGENT_DEMO_LINEAR_PROJECT" --repo acme/widgets
say "bgagent linear invite-user $BGAGENT_DEMO_LINEAR_SLUG sam@acme.io, and the teammate's link through the API"
"$bgagent" linear invite-user "$BGAGENT_DEMO_LINEAR_SLUG" sam@acme.io --output json > "$work/linear-invite.json"
lcode="$(json_field code < "$work/linear-invite.json")"
BGAGENT_CONFIG_DIR="$work/teammate-config" "$bgagent" linear link "$lcode" --yes
"$bgagent" linear workspaces
say "bgagent linear doctor   (signed Linear-Signature probe of the local /linear/webhook receiver)"
"$bgagent" linear doctor | tee "$work/linear-doctor.txt"
grep -q ' 0 warning(s), 0 failed$' "$work/linear-doctor.txt" || { echo "linear doctor is not all green" >&2; exit 1; }
say "Done: setup → map → invite-user → link → app-setup → doctor (all green), and the same for Linear, on local stand-ins"
