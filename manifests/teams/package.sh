#!/usr/bin/env bash
# Builds the Teams app package (manifest.json + color.png + outline.png in one zip) for upload in
# Teams (Apps > Manage your apps > Upload an app) or in the Teams admin center.
#
#   MICROSOFT_APP_ID=<your bot's app id> TEAMS_WEBSITE_URL=https://your.site manifests/teams/package.sh [out.zip]
#
# Environment:
#   MICROSOFT_APP_ID      required: the Microsoft app (client) id of the Azure Bot, a GUID
#   TEAMS_WEBSITE_URL     required: an https page about the bot (shown in the app's details)
#   TEAMS_PRIVACY_URL     optional: privacy statement, https (default: TEAMS_WEBSITE_URL)
#   TEAMS_TERMS_URL       optional: terms of use, https (default: TEAMS_WEBSITE_URL)
#   TEAMS_DEVELOPER_NAME  optional: who publishes the app (default: Trust Pulse)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/../../target/teams/trust-pulse-teams.zip}"

fail() { echo "package.sh: $*" >&2; exit 1; }

app_id="${MICROSOFT_APP_ID:-}"
[[ -n "$app_id" ]] || fail "set MICROSOFT_APP_ID to the app id of your Azure Bot"
[[ "$app_id" =~ ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$ ]] \
  || fail "MICROSOFT_APP_ID must be a GUID like 00000000-0000-0000-0000-000000000000, got '$app_id'"
website="${TEAMS_WEBSITE_URL:-}"
[[ "$website" == https://* ]] || fail "set TEAMS_WEBSITE_URL to an https address (Teams requires one)"
privacy="${TEAMS_PRIVACY_URL:-$website}"
terms="${TEAMS_TERMS_URL:-$website}"
developer="${TEAMS_DEVELOPER_NAME:-Trust Pulse}"
[[ "$privacy" == https://* && "$terms" == https://* ]] || fail "TEAMS_PRIVACY_URL and TEAMS_TERMS_URL must start with https://"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Fill in the placeholders; values are JSON-escaped so any name or address is safe.
python3 - "$here/manifest.json" "$work/manifest.json" "$app_id" "$developer" "$website" "$privacy" "$terms" <<'PY'
import json, sys
source, target, app_id, developer, website, privacy, terms = sys.argv[1:]
values = {"MICROSOFT_APP_ID": app_id.lower(), "TEAMS_DEVELOPER_NAME": developer, "TEAMS_WEBSITE_URL": website,
          "TEAMS_PRIVACY_URL": privacy, "TEAMS_TERMS_URL": terms}
text = open(source, encoding="utf-8").read()
for key, value in values.items():
    text = text.replace("{{" + key + "}}", json.dumps(value)[1:-1])
if "{{" in text:
    sys.exit("package.sh: manifest.json still has a placeholder: " + text[text.index("{{"):text.index("}}") + 2])
json.loads(text)
open(target, "w", encoding="utf-8").write(text)
PY
cp "$here/color.png" "$here/outline.png" "$work/"

mkdir -p "$(dirname "$out")"
rm -f "$out"
# the three files at the root of the zip, as Teams expects
(cd "$work" && python3 -m zipfile -c "$(cd "$(dirname "$out")" && pwd)/$(basename "$out")" manifest.json color.png outline.png)
echo "Teams app package: $out"
