
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
        &'bgagent;jira;help;help'= {
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
        &'bgagent;help;completions'= {
        }
        &'bgagent;help;help'= {
        }
    ]
    $completions[$command]
}
