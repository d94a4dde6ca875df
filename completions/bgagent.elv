
use builtin;
use str;

set edit:completion:arg-completer[bgagent] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'bgagent'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'bgagent'= {
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand jira 'Connect and manage a Jira Cloud site'
            cand linear 'Connect and manage Linear workspaces'
            cand configure 'Write the platform config (config.json) from the stack''s outputs, an admin''s bundle, or flags'
            cand login 'Log in to the platform (Cognito user pool); writes credentials.json'
            cand logout 'Remove the login (--everywhere also revokes it at Cognito)'
            cand whoami 'Show the login (user, sub, email, token expiry) and the platform config'
            cand approve 'Approve a pending Cedar HITL gate of a task (see `bgagent pending`)'
            cand deny 'Deny a pending Cedar HITL gate of a task'
            cand pending 'List the approvals waiting for you, with the command to approve or deny each'
            cand policies 'Show a repository''s Cedar approval rules'
            cand completions 'Print shell completions'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bgagent;jira'= {
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand app-template 'Print what to enter in the Atlassian developer console (offline)'
            cand setup 'Log in to Atlassian (OAuth 3LO + PKCE) and register the Jira site as the platform''s tenant'
            cand update-webhook-secret 'Replace the webhook signing secret of a tenant (tenant bundle and stack-wide verifier)'
            cand tenants 'List registered Jira tenants'
            cand map 'Map a Jira project to a repository'
            cand unmap 'Stop routing a Jira project (sets status=removed, keeps the row)'
            cand projects 'List project mappings'
            cand invite-user 'Create a one-time code that links a Jira account to a teammate''s platform account'
            cand link 'Redeem a one-time code: bind its Jira account to your platform account'
            cand users 'List linked Jira accounts and open invites of a tenant'
            cand unlink 'Remove the link of a Jira account'
            cand app-setup 'Make the Jira Forge app (signed web-trigger proxy) the writer of the agent''s comments and transitions'
            cand cr 'Change-request approval gate for CI: check an issue''s approval; make and use approval-signing keys'
            cand doctor 'Check the whole trigger chain of a tenant and name the fix for every broken link'
            cand webhook 'The Jira webhook receiver'
            cand revoke 'Take a tenant out of service (registry status=revoked; optionally delete its bundle)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bgagent;jira;app-template'= {
            cand --developer-name 'Developer or organisation name shown in the app name'
            cand --description 'App description'
            cand --callback-url 'OAuth callback URL to register (use the same value with `setup`)'
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;jira;setup'= {
            cand --client-id 'OAuth app client id (else remembered in the OS keychain, else prompted)'
            cand --callback-url 'Registered OAuth callback URL (must equal the console value byte for byte)'
            cand --site 'Site to connect when the grant covers several (site URL or cloud id)'
            cand --timeout 'How long to wait for the browser callback (e.g. 300s, 5m)'
            cand --platform-user-id 'Platform user recorded as installer (else the logged-in identity)'
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --client-secret-stdin 'Read the OAuth client secret from stdin (or set BGAGENT_JIRA_CLIENT_SECRET)'
            cand --no-browser 'Do not open a browser: print the URL and paste back the redirected URL'
            cand --webhook-secret-stdin 'Read the webhook signing secret from stdin (or set BGAGENT_JIRA_WEBHOOK_SECRET)'
            cand --generate-webhook-secret 'Generate a webhook signing secret (32 random bytes, hex) and show it once'
            cand --forget-client 'Drop the client id and secret remembered in the OS keychain, then continue'
            cand --dry-run 'Show the authorize URL parameters and the writes, touch nothing'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;jira;update-webhook-secret'= {
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --webhook-secret-stdin 'Read the webhook signing secret from stdin (or set BGAGENT_JIRA_WEBHOOK_SECRET)'
            cand --generate-webhook-secret 'Generate a webhook signing secret (32 random bytes, hex) and show it once'
            cand --dry-run 'Show what would be written, touch nothing'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;jira;tenants'= {
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;jira;map'= {
            cand --repo 'Repository the project''s issues go to (owner/repo)'
            cand --label 'Label that triggers a run [default for a new mapping: bgagent]'
            cand --status-on-start 'Jira status to move an issue to when a task starts'
            cand --status-on-pr 'Jira status to move an issue to when a PR is opened'
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --force 'Re-point a project that is mapped to a different repository'
            cand --dry-run 'Show the row that would be written, write nothing'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;jira;unmap'= {
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --dry-run 'Show what would change, write nothing'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;jira;projects'= {
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;jira;invite-user'= {
            cand --ttl 'How long the code stays valid (at most 7d)'
            cand --platform-user-id 'Platform user recorded as inviter (else the logged-in identity)'
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --dry-run 'Resolve the user and show the invite row, write nothing'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;jira;link'= {
            cand --platform-user-id 'Platform user to link (else the logged-in identity)'
            cand --via '`api`: the platform API links the logged-in user (needs `bgagent login`, no AWS credentials); `direct`: one DynamoDB transaction with your AWS credentials [default: api when logged in, else direct]'
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --dry-run 'Show what would be linked, write nothing'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;jira;users'= {
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;jira;unlink'= {
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --dry-run 'Show what would be removed, write nothing'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;jira;app-setup'= {
            cand --proxy-url 'Forge v2 web-trigger URL: https://<installation>.webtrigger.atlassian.app/public/<id>'
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --shared-secret-stdin 'Read the Forge proxy shared secret (BGAGENT_PROXY_SECRET of the Forge app) from stdin'
            cand --remove 'Go back to writes as the OAuth user: remove all five app_actor_* fields and outbound_identity'
            cand --dry-run 'Check the inputs and probe the proxy (or show what --remove would remove), write nothing'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;jira;cr'= {
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand check 'Decide whether a change request is approved (exit 0 approved, 1 not approved, 2 usage or configuration)'
            cand keygen 'Make an Ed25519 key pair for signing approvals (PEM: passphrase-encrypted PKCS#8 + public key)'
            cand sign 'Sign the approval of an issue in a status: prints the signature JSON for the signature field'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bgagent;jira;cr;check'= {
            cand --cloud-id 'Tenant whose stored token reads the issue [default: the sole active tenant]'
            cand --approved-status 'A status that counts as approved (repeatable)'
            cand --approver-role 'Role the approver field must hold (a missing field then fails instead of warning)'
            cand --approver-field 'Field holding the approver or role, e.g. customfield_10100 (text, select, user or lists of them)'
            cand --signature-field 'Field holding the signature JSON of `jira cr sign`, e.g. customfield_10103'
            cand --public-key 'A public key (PEM) whose signature is accepted (repeatable; any of them may sign)'
            cand --max-age 'Oldest acceptable signature (e.g. 24h, 7d)'
            cand --audit-file 'Also write the verdict, the time and a SHA-256 of the issue fields to this JSON file'
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --require-signature 'Fail when the signature field is empty (else a warning)'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;jira;cr;keygen'= {
            cand --name 'Who signs with the key, e.g. "Change Manager" (also names the files)'
            cand --out 'Directory for <name>.key (0600) and <name>.pub'
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --passphrase-stdin 'Read the passphrase from stdin (or set BGAGENT_CR_KEY_PASSPHRASE)'
            cand --force 'Replace existing key files'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;jira;cr;sign'= {
            cand --key 'The private key of `jira cr keygen` (passphrase-encrypted PKCS#8 PEM)'
            cand --approver 'Who approves, e.g. "Change Manager"'
            cand --status 'The status the approval is for (the check requires the issue to be in it)'
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --passphrase-stdin 'Read the key''s passphrase from stdin (or set BGAGENT_CR_KEY_PASSPHRASE)'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;jira;cr;help'= {
            cand check 'Decide whether a change request is approved (exit 0 approved, 1 not approved, 2 usage or configuration)'
            cand keygen 'Make an Ed25519 key pair for signing approvals (PEM: passphrase-encrypted PKCS#8 + public key)'
            cand sign 'Sign the approval of an issue in a status: prints the signature JSON for the signature field'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bgagent;jira;cr;help;check'= {
        }
        &'bgagent;jira;cr;help;keygen'= {
        }
        &'bgagent;jira;cr;help;sign'= {
        }
        &'bgagent;jira;cr;help;help'= {
        }
        &'bgagent;jira;doctor'= {
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --verify-refresh 'Also refresh the token once; this ROTATES the refresh token (the new one is stored)'
            cand --skip-webhook-probe 'Do not POST the signed probe to the webhook receiver (reported as skipped)'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;jira;webhook'= {
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand test 'POST a signed probe (an ignored event) and a forged one to the receiver; expect 200 and 401'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bgagent;jira;webhook;test'= {
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;jira;webhook;help'= {
            cand test 'POST a signed probe (an ignored event) and a forged one to the receiver; expect 200 and 401'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bgagent;jira;webhook;help;test'= {
        }
        &'bgagent;jira;webhook;help;help'= {
        }
        &'bgagent;jira;revoke'= {
            cand --recovery-days 'Recovery window of the deleted bundle, in days (7 to 30)'
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --delete-secret 'Also schedule deletion of the tenant''s OAuth bundle (restorable during the recovery window)'
            cand --force-delete 'Delete the bundle immediately, without a recovery window (IRREVERSIBLE)'
            cand --dry-run 'Show what would change, write nothing'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;jira;help'= {
            cand app-template 'Print what to enter in the Atlassian developer console (offline)'
            cand setup 'Log in to Atlassian (OAuth 3LO + PKCE) and register the Jira site as the platform''s tenant'
            cand update-webhook-secret 'Replace the webhook signing secret of a tenant (tenant bundle and stack-wide verifier)'
            cand tenants 'List registered Jira tenants'
            cand map 'Map a Jira project to a repository'
            cand unmap 'Stop routing a Jira project (sets status=removed, keeps the row)'
            cand projects 'List project mappings'
            cand invite-user 'Create a one-time code that links a Jira account to a teammate''s platform account'
            cand link 'Redeem a one-time code: bind its Jira account to your platform account'
            cand users 'List linked Jira accounts and open invites of a tenant'
            cand unlink 'Remove the link of a Jira account'
            cand app-setup 'Make the Jira Forge app (signed web-trigger proxy) the writer of the agent''s comments and transitions'
            cand cr 'Change-request approval gate for CI: check an issue''s approval; make and use approval-signing keys'
            cand doctor 'Check the whole trigger chain of a tenant and name the fix for every broken link'
            cand webhook 'The Jira webhook receiver'
            cand revoke 'Take a tenant out of service (registry status=revoked; optionally delete its bundle)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bgagent;jira;help;app-template'= {
        }
        &'bgagent;jira;help;setup'= {
        }
        &'bgagent;jira;help;update-webhook-secret'= {
        }
        &'bgagent;jira;help;tenants'= {
        }
        &'bgagent;jira;help;map'= {
        }
        &'bgagent;jira;help;unmap'= {
        }
        &'bgagent;jira;help;projects'= {
        }
        &'bgagent;jira;help;invite-user'= {
        }
        &'bgagent;jira;help;link'= {
        }
        &'bgagent;jira;help;users'= {
        }
        &'bgagent;jira;help;unlink'= {
        }
        &'bgagent;jira;help;app-setup'= {
        }
        &'bgagent;jira;help;cr'= {
            cand check 'Decide whether a change request is approved (exit 0 approved, 1 not approved, 2 usage or configuration)'
            cand keygen 'Make an Ed25519 key pair for signing approvals (PEM: passphrase-encrypted PKCS#8 + public key)'
            cand sign 'Sign the approval of an issue in a status: prints the signature JSON for the signature field'
        }
        &'bgagent;jira;help;cr;check'= {
        }
        &'bgagent;jira;help;cr;keygen'= {
        }
        &'bgagent;jira;help;cr;sign'= {
        }
        &'bgagent;jira;help;doctor'= {
        }
        &'bgagent;jira;help;webhook'= {
            cand test 'POST a signed probe (an ignored event) and a forged one to the receiver; expect 200 and 401'
        }
        &'bgagent;jira;help;webhook;test'= {
        }
        &'bgagent;jira;help;revoke'= {
        }
        &'bgagent;jira;help;help'= {
        }
        &'bgagent;linear'= {
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand app-template 'Print what to enter in Linear''s OAuth application form (offline)'
            cand webhook-info 'Print where and how to create the Linear webhook'
            cand setup 'Install the OAuth app in a Linear workspace (actor=app) and register it with the platform'
            cand add-workspace 'Install the already-registered OAuth app in a further Linear workspace'
            cand workspaces 'List registered Linear workspaces'
            cand update-webhook-secret 'Replace a workspace''s webhook signing secret (its bundle only; the stack-wide fallback is untouched)'
            cand onboard-project 'Map a Linear project to a repository'
            cand projects 'List the projects of the registered workspaces, with their mappings'
            cand invite-user 'Create a one-time code that links a Linear user to a teammate''s platform account'
            cand link 'Redeem a one-time code: bind its Linear user to your platform account'
            cand remove-workspace 'Take a workspace out of service: revoke its registry row, delete its bundle, optionally the row'
            cand doctor 'Check the trigger chain of a workspace and name the fix for every broken link'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bgagent;linear;app-template'= {
            cand --bot-name 'The app''s GitHub username; Linear requires it to end in `[bot]` for actor=app'
            cand --developer-name 'Developer name shown on the consent screen'
            cand --developer-url 'Developer URL shown on the consent screen'
            cand --description 'App description'
            cand --callback-url 'OAuth callback URL to register (use the same value with `setup`)'
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;linear;webhook-info'= {
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;linear;setup'= {
            cand --client-id 'OAuth app client id (add-workspace: else the registered app''s)'
            cand --callback-url 'Registered OAuth callback URL (must equal the app''s value byte for byte)'
            cand --timeout 'How long to wait for the browser callback (e.g. 300s, 5m)'
            cand --platform-user-id 'Platform user recorded as installer (else the logged-in identity)'
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --client-secret-stdin 'Read the OAuth client secret from stdin (or set BGAGENT_LINEAR_CLIENT_SECRET)'
            cand --forget-client 'Drop the client id and secret remembered in the OS keychain, then continue'
            cand --webhook-secret-stdin 'Read the workspace''s webhook signing secret (lin_wh_…) from stdin (or set BGAGENT_LINEAR_WEBHOOK_SECRET)'
            cand --no-browser 'Do not open a browser: print the URL and paste back the redirected URL'
            cand --no-actor-app 'Authorize as the signed-in user instead of installing the app as a workspace bot (no actor=app)'
            cand --no-force-consent 'Do not force the consent screen (no prompt=consent; an installed app then returns no code)'
            cand --force 'Proceed although the slug is not the workspace''s URL key, or the slug''s secret or the workspace''s row belongs to another slug/workspace'
            cand --dry-run 'Show the authorize URL parameters and the writes, touch nothing'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;linear;add-workspace'= {
            cand --client-id 'OAuth app client id (add-workspace: else the registered app''s)'
            cand --callback-url 'Registered OAuth callback URL (must equal the app''s value byte for byte)'
            cand --timeout 'How long to wait for the browser callback (e.g. 300s, 5m)'
            cand --platform-user-id 'Platform user recorded as installer (else the logged-in identity)'
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --client-secret-stdin 'Read the OAuth client secret from stdin (or set BGAGENT_LINEAR_CLIENT_SECRET)'
            cand --forget-client 'Drop the client id and secret remembered in the OS keychain, then continue'
            cand --webhook-secret-stdin 'Read the workspace''s webhook signing secret (lin_wh_…) from stdin (or set BGAGENT_LINEAR_WEBHOOK_SECRET)'
            cand --no-browser 'Do not open a browser: print the URL and paste back the redirected URL'
            cand --no-actor-app 'Authorize as the signed-in user instead of installing the app as a workspace bot (no actor=app)'
            cand --no-force-consent 'Do not force the consent screen (no prompt=consent; an installed app then returns no code)'
            cand --force 'Proceed although the slug is not the workspace''s URL key, or the slug''s secret or the workspace''s row belongs to another slug/workspace'
            cand --dry-run 'Show the authorize URL parameters and the writes, touch nothing'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;linear;workspaces'= {
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;linear;update-webhook-secret'= {
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --webhook-secret-stdin 'Read the webhook signing secret (lin_wh_…) from stdin (or set BGAGENT_LINEAR_WEBHOOK_SECRET)'
            cand --dry-run 'Show what would be written, touch nothing'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;linear;onboard-project'= {
            cand --repo 'Repository to run tasks in (owner/repo, onboarded and active on the platform)'
            cand --slug 'Workspace the project belongs to (needed when several are registered)'
            cand --label 'Trigger label (default bgagent; kept on re-runs when not given)'
            cand --team-id 'Linear team id to record with the mapping (informational)'
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --force 'Re-point a project that is mapped to another repository'
            cand --dry-run 'Show the mapping that would be written, touch nothing'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;linear;projects'= {
            cand --slug 'Only this workspace'
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;linear;invite-user'= {
            cand --ttl 'How long the code stays valid (at most 7d)'
            cand --platform-user-id 'Platform user recorded as inviter (else the logged-in identity)'
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --dry-run 'Resolve the user and show the invite row, write nothing'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;linear;link'= {
            cand --platform-user-id 'Platform user to link (else the logged-in identity)'
            cand --via '`api`: the platform API links the logged-in user (needs `bgagent login`, no AWS credentials); `direct`: one DynamoDB transaction with your AWS credentials [default: api when logged in, else direct]'
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --dry-run 'Show what would be linked, write nothing'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;linear;remove-workspace'= {
            cand --recovery-days 'Recovery window of the deleted bundle, in days (7 to 30)'
            cand --platform-user-id 'Platform user recorded as remover (else the logged-in identity)'
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --purge 'Also delete the registry row (after the bundle''s deletion succeeded)'
            cand --force-delete 'Delete the bundle immediately, without a recovery window (IRREVERSIBLE; the slug can be set up again at once)'
            cand --dry-run 'Show what would change, write nothing'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;linear;doctor'= {
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --verify-refresh 'Also refresh the token once; this ROTATES the refresh token (the new one is stored)'
            cand --skip-webhook-probe 'Do not POST the signed probe to the webhook receiver (reported as skipped)'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;linear;help'= {
            cand app-template 'Print what to enter in Linear''s OAuth application form (offline)'
            cand webhook-info 'Print where and how to create the Linear webhook'
            cand setup 'Install the OAuth app in a Linear workspace (actor=app) and register it with the platform'
            cand add-workspace 'Install the already-registered OAuth app in a further Linear workspace'
            cand workspaces 'List registered Linear workspaces'
            cand update-webhook-secret 'Replace a workspace''s webhook signing secret (its bundle only; the stack-wide fallback is untouched)'
            cand onboard-project 'Map a Linear project to a repository'
            cand projects 'List the projects of the registered workspaces, with their mappings'
            cand invite-user 'Create a one-time code that links a Linear user to a teammate''s platform account'
            cand link 'Redeem a one-time code: bind its Linear user to your platform account'
            cand remove-workspace 'Take a workspace out of service: revoke its registry row, delete its bundle, optionally the row'
            cand doctor 'Check the trigger chain of a workspace and name the fix for every broken link'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bgagent;linear;help;app-template'= {
        }
        &'bgagent;linear;help;webhook-info'= {
        }
        &'bgagent;linear;help;setup'= {
        }
        &'bgagent;linear;help;add-workspace'= {
        }
        &'bgagent;linear;help;workspaces'= {
        }
        &'bgagent;linear;help;update-webhook-secret'= {
        }
        &'bgagent;linear;help;onboard-project'= {
        }
        &'bgagent;linear;help;projects'= {
        }
        &'bgagent;linear;help;invite-user'= {
        }
        &'bgagent;linear;help;link'= {
        }
        &'bgagent;linear;help;remove-workspace'= {
        }
        &'bgagent;linear;help;doctor'= {
        }
        &'bgagent;linear;help;help'= {
        }
        &'bgagent;configure'= {
            cand --api-url 'Platform REST API URL, with its stage (the stack''s `ApiUrl` output, e.g. https://…/v1/)'
            cand --registry-api-url 'Registry API URL (the stack''s optional `RegistryApiUrl` output)'
            cand --user-pool-id 'Cognito user pool id, `<region>_<id>` (the stack''s `UserPoolId` output)'
            cand --client-id 'Cognito app client id (the stack''s `AppClientId` output)'
            cand --from-bundle 'Configuration bundle from an admin: base64 of {api_url, region, user_pool_id, client_id}'
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --no-stack 'Do not read the stack''s outputs: use only the flags and the existing config.json'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;login'= {
            cand --username 'Cognito username (usually your email); prompted when absent'
            cand --mfa-code 'MFA code (authenticator app or SMS) when the pool asks for one; prompted when absent'
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --password-stdin 'Read the password from stdin, one line (or set BGAGENT_PASSWORD; else a masked prompt)'
            cand --new-password-stdin 'When Cognito asks for a new password (first login of an invited user), read it from stdin (after the password line with --password-stdin; or set BGAGENT_NEW_PASSWORD)'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;logout'= {
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --everywhere 'Also revoke the refresh token at Cognito (signs this user out on every device)'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;whoami'= {
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;approve'= {
            cand --scope 'How far the approval reaches: this_call, tool_type_session, tool_group_session, all_session (needs --yes), tool_type:<Bash|Read|Write|Edit|Glob|Grep|WebFetch|Task>, tool_group:file_write, bash_pattern:<glob>, write_path:<glob>, rule:<rule-id> (≤ 128 chars)'
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;deny'= {
            cand --reason 'Why (shown to the agent; at most 2000 characters)'
            cand --reason-file 'Read the reason from a file (UTF-8)'
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;pending'= {
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;policies'= {
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List a repository''s Cedar rules (hard-deny and soft-deny)'
            cand show 'Show one rule of a repository'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bgagent;policies;list'= {
            cand --repo 'Repository (owner/repo)'
            cand --tier 'Only this tier'
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;policies;show'= {
            cand --repo 'Repository (owner/repo)'
            cand --rule 'Rule id (from `bgagent policies list`)'
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;policies;help'= {
            cand list 'List a repository''s Cedar rules (hard-deny and soft-deny)'
            cand show 'Show one rule of a repository'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bgagent;policies;help;list'= {
        }
        &'bgagent;policies;help;show'= {
        }
        &'bgagent;policies;help;help'= {
        }
        &'bgagent;completions'= {
            cand --region 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)'
            cand --profile 'AWS shared-config profile'
            cand --stack-name 'CloudFormation stack of the platform'
            cand --output 'Output format; json prints one JSON document on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand -q 'Only print errors and warnings'
            cand --quiet 'Only print errors and warnings'
            cand -v 'Print each AWS and Atlassian call as it happens'
            cand --verbose 'Print each AWS and Atlassian call as it happens'
            cand -y 'Accept confirmations without asking'
            cand --yes 'Accept confirmations without asking'
            cand --no-cache 'Read the platform stack''s outputs live instead of from the cache in the config dir'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bgagent;help'= {
            cand jira 'Connect and manage a Jira Cloud site'
            cand linear 'Connect and manage Linear workspaces'
            cand configure 'Write the platform config (config.json) from the stack''s outputs, an admin''s bundle, or flags'
            cand login 'Log in to the platform (Cognito user pool); writes credentials.json'
            cand logout 'Remove the login (--everywhere also revokes it at Cognito)'
            cand whoami 'Show the login (user, sub, email, token expiry) and the platform config'
            cand approve 'Approve a pending Cedar HITL gate of a task (see `bgagent pending`)'
            cand deny 'Deny a pending Cedar HITL gate of a task'
            cand pending 'List the approvals waiting for you, with the command to approve or deny each'
            cand policies 'Show a repository''s Cedar approval rules'
            cand completions 'Print shell completions'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bgagent;help;jira'= {
            cand app-template 'Print what to enter in the Atlassian developer console (offline)'
            cand setup 'Log in to Atlassian (OAuth 3LO + PKCE) and register the Jira site as the platform''s tenant'
            cand update-webhook-secret 'Replace the webhook signing secret of a tenant (tenant bundle and stack-wide verifier)'
            cand tenants 'List registered Jira tenants'
            cand map 'Map a Jira project to a repository'
            cand unmap 'Stop routing a Jira project (sets status=removed, keeps the row)'
            cand projects 'List project mappings'
            cand invite-user 'Create a one-time code that links a Jira account to a teammate''s platform account'
            cand link 'Redeem a one-time code: bind its Jira account to your platform account'
            cand users 'List linked Jira accounts and open invites of a tenant'
            cand unlink 'Remove the link of a Jira account'
            cand app-setup 'Make the Jira Forge app (signed web-trigger proxy) the writer of the agent''s comments and transitions'
            cand cr 'Change-request approval gate for CI: check an issue''s approval; make and use approval-signing keys'
            cand doctor 'Check the whole trigger chain of a tenant and name the fix for every broken link'
            cand webhook 'The Jira webhook receiver'
            cand revoke 'Take a tenant out of service (registry status=revoked; optionally delete its bundle)'
        }
        &'bgagent;help;jira;app-template'= {
        }
        &'bgagent;help;jira;setup'= {
        }
        &'bgagent;help;jira;update-webhook-secret'= {
        }
        &'bgagent;help;jira;tenants'= {
        }
        &'bgagent;help;jira;map'= {
        }
        &'bgagent;help;jira;unmap'= {
        }
        &'bgagent;help;jira;projects'= {
        }
        &'bgagent;help;jira;invite-user'= {
        }
        &'bgagent;help;jira;link'= {
        }
        &'bgagent;help;jira;users'= {
        }
        &'bgagent;help;jira;unlink'= {
        }
        &'bgagent;help;jira;app-setup'= {
        }
        &'bgagent;help;jira;cr'= {
            cand check 'Decide whether a change request is approved (exit 0 approved, 1 not approved, 2 usage or configuration)'
            cand keygen 'Make an Ed25519 key pair for signing approvals (PEM: passphrase-encrypted PKCS#8 + public key)'
            cand sign 'Sign the approval of an issue in a status: prints the signature JSON for the signature field'
        }
        &'bgagent;help;jira;cr;check'= {
        }
        &'bgagent;help;jira;cr;keygen'= {
        }
        &'bgagent;help;jira;cr;sign'= {
        }
        &'bgagent;help;jira;doctor'= {
        }
        &'bgagent;help;jira;webhook'= {
            cand test 'POST a signed probe (an ignored event) and a forged one to the receiver; expect 200 and 401'
        }
        &'bgagent;help;jira;webhook;test'= {
        }
        &'bgagent;help;jira;revoke'= {
        }
        &'bgagent;help;linear'= {
            cand app-template 'Print what to enter in Linear''s OAuth application form (offline)'
            cand webhook-info 'Print where and how to create the Linear webhook'
            cand setup 'Install the OAuth app in a Linear workspace (actor=app) and register it with the platform'
            cand add-workspace 'Install the already-registered OAuth app in a further Linear workspace'
            cand workspaces 'List registered Linear workspaces'
            cand update-webhook-secret 'Replace a workspace''s webhook signing secret (its bundle only; the stack-wide fallback is untouched)'
            cand onboard-project 'Map a Linear project to a repository'
            cand projects 'List the projects of the registered workspaces, with their mappings'
            cand invite-user 'Create a one-time code that links a Linear user to a teammate''s platform account'
            cand link 'Redeem a one-time code: bind its Linear user to your platform account'
            cand remove-workspace 'Take a workspace out of service: revoke its registry row, delete its bundle, optionally the row'
            cand doctor 'Check the trigger chain of a workspace and name the fix for every broken link'
        }
        &'bgagent;help;linear;app-template'= {
        }
        &'bgagent;help;linear;webhook-info'= {
        }
        &'bgagent;help;linear;setup'= {
        }
        &'bgagent;help;linear;add-workspace'= {
        }
        &'bgagent;help;linear;workspaces'= {
        }
        &'bgagent;help;linear;update-webhook-secret'= {
        }
        &'bgagent;help;linear;onboard-project'= {
        }
        &'bgagent;help;linear;projects'= {
        }
        &'bgagent;help;linear;invite-user'= {
        }
        &'bgagent;help;linear;link'= {
        }
        &'bgagent;help;linear;remove-workspace'= {
        }
        &'bgagent;help;linear;doctor'= {
        }
        &'bgagent;help;configure'= {
        }
        &'bgagent;help;login'= {
        }
        &'bgagent;help;logout'= {
        }
        &'bgagent;help;whoami'= {
        }
        &'bgagent;help;approve'= {
        }
        &'bgagent;help;deny'= {
        }
        &'bgagent;help;pending'= {
        }
        &'bgagent;help;policies'= {
            cand list 'List a repository''s Cedar rules (hard-deny and soft-deny)'
            cand show 'Show one rule of a repository'
        }
        &'bgagent;help;policies;list'= {
        }
        &'bgagent;help;policies;show'= {
        }
        &'bgagent;help;completions'= {
        }
        &'bgagent;help;help'= {
        }
    ]
    $completions[$command]
}
