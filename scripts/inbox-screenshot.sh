#!/usr/bin/env bash
# Rewrites docs/images/inbox.png from the real inbox page: runs the screenshot test of tests/JuheSms.Sandbox.Tests
# (the sandbox server in-process, a few sends, headless chromium) with JUHESMS_UPDATE_SCREENSHOT=1.
# Needs Debian's chromium (bash .ci/install-chromium) and a Chinese font (the messages are Chinese): installs Debian's
# fonts-wqy-microhei when no font covers zh. The server listens on the tool's default port for the picture.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/install-chromium
if [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
  echo "inbox-screenshot: no Chinese font; installing Debian's fonts-wqy-microhei" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends fonts-wqy-microhei
fi
JUHESMS_UPDATE_SCREENSHOT=1 dotnet test tests/JuheSms.Sandbox.Tests/JuheSms.Sandbox.Tests.csproj -c Release \
  --filter "FullyQualifiedName~InboxScreenshotTests"
echo "inbox-screenshot: wrote docs/images/inbox.png" >&2
