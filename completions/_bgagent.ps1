
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'bgagent' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'bgagent'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'bgagent' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('jira', 'jira', [CompletionResultType]::ParameterValue, 'Connect and manage a Jira Cloud site')
            [CompletionResult]::new('linear', 'linear', [CompletionResultType]::ParameterValue, 'Connect and manage Linear workspaces')
            [CompletionResult]::new('configure', 'configure', [CompletionResultType]::ParameterValue, 'Write the platform config (config.json) from the stack''s outputs, an admin''s bundle, or flags')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in to the platform (Cognito user pool); writes credentials.json')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove the login (--everywhere also revokes it at Cognito)')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Show the login (user, sub, email, token expiry) and the platform config')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve a pending Cedar HITL gate of a task (see `bgagent pending`)')
            [CompletionResult]::new('deny', 'deny', [CompletionResultType]::ParameterValue, 'Deny a pending Cedar HITL gate of a task')
            [CompletionResult]::new('pending', 'pending', [CompletionResultType]::ParameterValue, 'List the approvals waiting for you, with the command to approve or deny each')
            [CompletionResult]::new('policies', 'policies', [CompletionResultType]::ParameterValue, 'Show a repository''s Cedar approval rules')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bgagent;jira' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('app-template', 'app-template', [CompletionResultType]::ParameterValue, 'Print what to enter in the Atlassian developer console (offline)')
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Log in to Atlassian (OAuth 3LO + PKCE) and register the Jira site as the platform''s tenant')
            [CompletionResult]::new('update-webhook-secret', 'update-webhook-secret', [CompletionResultType]::ParameterValue, 'Replace the webhook signing secret of a tenant (tenant bundle and stack-wide verifier)')
            [CompletionResult]::new('tenants', 'tenants', [CompletionResultType]::ParameterValue, 'List registered Jira tenants')
            [CompletionResult]::new('map', 'map', [CompletionResultType]::ParameterValue, 'Map a Jira project to a repository')
            [CompletionResult]::new('unmap', 'unmap', [CompletionResultType]::ParameterValue, 'Stop routing a Jira project (sets status=removed, keeps the row)')
            [CompletionResult]::new('projects', 'projects', [CompletionResultType]::ParameterValue, 'List project mappings')
            [CompletionResult]::new('invite-user', 'invite-user', [CompletionResultType]::ParameterValue, 'Create a one-time code that links a Jira account to a teammate''s platform account')
            [CompletionResult]::new('link', 'link', [CompletionResultType]::ParameterValue, 'Redeem a one-time code: bind its Jira account to your platform account')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'List linked Jira accounts and open invites of a tenant')
            [CompletionResult]::new('unlink', 'unlink', [CompletionResultType]::ParameterValue, 'Remove the link of a Jira account')
            [CompletionResult]::new('app-setup', 'app-setup', [CompletionResultType]::ParameterValue, 'Make the Jira Forge app (signed web-trigger proxy) the writer of the agent''s comments and transitions')
            [CompletionResult]::new('cr', 'cr', [CompletionResultType]::ParameterValue, 'Change-request approval gate for CI: check an issue''s approval; make and use approval-signing keys')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the whole trigger chain of a tenant and name the fix for every broken link')
            [CompletionResult]::new('webhook', 'webhook', [CompletionResultType]::ParameterValue, 'The Jira webhook receiver')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Take a tenant out of service (registry status=revoked; optionally delete its bundle)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bgagent;jira;app-template' {
            [CompletionResult]::new('--developer-name', '--developer-name', [CompletionResultType]::ParameterName, 'Developer or organisation name shown in the app name')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'App description')
            [CompletionResult]::new('--callback-url', '--callback-url', [CompletionResultType]::ParameterName, 'OAuth callback URL to register (use the same value with `setup`)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;jira;setup' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth app client id (else remembered in the OS keychain, else prompted)')
            [CompletionResult]::new('--callback-url', '--callback-url', [CompletionResultType]::ParameterName, 'Registered OAuth callback URL (must equal the console value byte for byte)')
            [CompletionResult]::new('--site', '--site', [CompletionResultType]::ParameterName, 'Site to connect when the grant covers several (site URL or cloud id)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the browser callback (e.g. 300s, 5m)')
            [CompletionResult]::new('--platform-user-id', '--platform-user-id', [CompletionResultType]::ParameterName, 'Platform user recorded as installer (else the logged-in identity)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--client-secret-stdin', '--client-secret-stdin', [CompletionResultType]::ParameterName, 'Read the OAuth client secret from stdin (or set BGAGENT_JIRA_CLIENT_SECRET)')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser: print the URL and paste back the redirected URL')
            [CompletionResult]::new('--webhook-secret-stdin', '--webhook-secret-stdin', [CompletionResultType]::ParameterName, 'Read the webhook signing secret from stdin (or set BGAGENT_JIRA_WEBHOOK_SECRET)')
            [CompletionResult]::new('--generate-webhook-secret', '--generate-webhook-secret', [CompletionResultType]::ParameterName, 'Generate a webhook signing secret (32 random bytes, hex) and show it once')
            [CompletionResult]::new('--forget-client', '--forget-client', [CompletionResultType]::ParameterName, 'Drop the client id and secret remembered in the OS keychain, then continue')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the authorize URL parameters and the writes, touch nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;jira;update-webhook-secret' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--webhook-secret-stdin', '--webhook-secret-stdin', [CompletionResultType]::ParameterName, 'Read the webhook signing secret from stdin (or set BGAGENT_JIRA_WEBHOOK_SECRET)')
            [CompletionResult]::new('--generate-webhook-secret', '--generate-webhook-secret', [CompletionResultType]::ParameterName, 'Generate a webhook signing secret (32 random bytes, hex) and show it once')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written, touch nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;jira;tenants' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;jira;map' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'Repository the project''s issues go to (owner/repo)')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Label that triggers a run [default for a new mapping: bgagent]')
            [CompletionResult]::new('--status-on-start', '--status-on-start', [CompletionResultType]::ParameterName, 'Jira status to move an issue to when a task starts')
            [CompletionResult]::new('--status-on-pr', '--status-on-pr', [CompletionResultType]::ParameterName, 'Jira status to move an issue to when a PR is opened')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Re-point a project that is mapped to a different repository')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the row that would be written, write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;jira;unmap' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;jira;projects' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;jira;invite-user' {
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'How long the code stays valid (at most 7d)')
            [CompletionResult]::new('--platform-user-id', '--platform-user-id', [CompletionResultType]::ParameterName, 'Platform user recorded as inviter (else the logged-in identity)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Resolve the user and show the invite row, write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;jira;link' {
            [CompletionResult]::new('--platform-user-id', '--platform-user-id', [CompletionResultType]::ParameterName, 'Platform user to link (else the logged-in identity)')
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, '`api`: the platform API links the logged-in user (needs `bgagent login`, no AWS credentials); `direct`: one DynamoDB transaction with your AWS credentials [default: api when logged in, else direct]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be linked, write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;jira;users' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;jira;unlink' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be removed, write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;jira;app-setup' {
            [CompletionResult]::new('--proxy-url', '--proxy-url', [CompletionResultType]::ParameterName, 'Forge v2 web-trigger URL: https://<installation>.webtrigger.atlassian.app/public/<id>')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--shared-secret-stdin', '--shared-secret-stdin', [CompletionResultType]::ParameterName, 'Read the Forge proxy shared secret (BGAGENT_PROXY_SECRET of the Forge app) from stdin')
            [CompletionResult]::new('--remove', '--remove', [CompletionResultType]::ParameterName, 'Go back to writes as the OAuth user: remove all five app_actor_* fields and outbound_identity')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check the inputs and probe the proxy (or show what --remove would remove), write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;jira;cr' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Decide whether a change request is approved (exit 0 approved, 1 not approved, 2 usage or configuration)')
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Make an Ed25519 key pair for signing approvals (PEM: passphrase-encrypted PKCS#8 + public key)')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign the approval of an issue in a status: prints the signature JSON for the signature field')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bgagent;jira;cr;check' {
            [CompletionResult]::new('--cloud-id', '--cloud-id', [CompletionResultType]::ParameterName, 'Tenant whose stored token reads the issue [default: the sole active tenant]')
            [CompletionResult]::new('--approved-status', '--approved-status', [CompletionResultType]::ParameterName, 'A status that counts as approved (repeatable)')
            [CompletionResult]::new('--approver-role', '--approver-role', [CompletionResultType]::ParameterName, 'Role the approver field must hold (a missing field then fails instead of warning)')
            [CompletionResult]::new('--approver-field', '--approver-field', [CompletionResultType]::ParameterName, 'Field holding the approver or role, e.g. customfield_10100 (text, select, user or lists of them)')
            [CompletionResult]::new('--signature-field', '--signature-field', [CompletionResultType]::ParameterName, 'Field holding the signature JSON of `jira cr sign`, e.g. customfield_10103')
            [CompletionResult]::new('--public-key', '--public-key', [CompletionResultType]::ParameterName, 'A public key (PEM) whose signature is accepted (repeatable; any of them may sign)')
            [CompletionResult]::new('--max-age', '--max-age', [CompletionResultType]::ParameterName, 'Oldest acceptable signature (e.g. 24h, 7d)')
            [CompletionResult]::new('--audit-file', '--audit-file', [CompletionResultType]::ParameterName, 'Also write the verdict, the time and a SHA-256 of the issue fields to this JSON file')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--require-signature', '--require-signature', [CompletionResultType]::ParameterName, 'Fail when the signature field is empty (else a warning)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;jira;cr;keygen' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Who signs with the key, e.g. "Change Manager" (also names the files)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory for <name>.key (0600) and <name>.pub')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--passphrase-stdin', '--passphrase-stdin', [CompletionResultType]::ParameterName, 'Read the passphrase from stdin (or set BGAGENT_CR_KEY_PASSPHRASE)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace existing key files')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;jira;cr;sign' {
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The private key of `jira cr keygen` (passphrase-encrypted PKCS#8 PEM)')
            [CompletionResult]::new('--approver', '--approver', [CompletionResultType]::ParameterName, 'Who approves, e.g. "Change Manager"')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'The status the approval is for (the check requires the issue to be in it)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--passphrase-stdin', '--passphrase-stdin', [CompletionResultType]::ParameterName, 'Read the key''s passphrase from stdin (or set BGAGENT_CR_KEY_PASSPHRASE)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;jira;cr;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Decide whether a change request is approved (exit 0 approved, 1 not approved, 2 usage or configuration)')
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Make an Ed25519 key pair for signing approvals (PEM: passphrase-encrypted PKCS#8 + public key)')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign the approval of an issue in a status: prints the signature JSON for the signature field')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bgagent;jira;cr;help;check' {
            break
        }
        'bgagent;jira;cr;help;keygen' {
            break
        }
        'bgagent;jira;cr;help;sign' {
            break
        }
        'bgagent;jira;cr;help;help' {
            break
        }
        'bgagent;jira;doctor' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--verify-refresh', '--verify-refresh', [CompletionResultType]::ParameterName, 'Also refresh the token once; this ROTATES the refresh token (the new one is stored)')
            [CompletionResult]::new('--skip-webhook-probe', '--skip-webhook-probe', [CompletionResultType]::ParameterName, 'Do not POST the signed probe to the webhook receiver (reported as skipped)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;jira;webhook' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'POST a signed probe (an ignored event) and a forged one to the receiver; expect 200 and 401')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bgagent;jira;webhook;test' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;jira;webhook;help' {
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'POST a signed probe (an ignored event) and a forged one to the receiver; expect 200 and 401')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bgagent;jira;webhook;help;test' {
            break
        }
        'bgagent;jira;webhook;help;help' {
            break
        }
        'bgagent;jira;revoke' {
            [CompletionResult]::new('--recovery-days', '--recovery-days', [CompletionResultType]::ParameterName, 'Recovery window of the deleted bundle, in days (7 to 30)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--delete-secret', '--delete-secret', [CompletionResultType]::ParameterName, 'Also schedule deletion of the tenant''s OAuth bundle (restorable during the recovery window)')
            [CompletionResult]::new('--force-delete', '--force-delete', [CompletionResultType]::ParameterName, 'Delete the bundle immediately, without a recovery window (IRREVERSIBLE)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;jira;help' {
            [CompletionResult]::new('app-template', 'app-template', [CompletionResultType]::ParameterValue, 'Print what to enter in the Atlassian developer console (offline)')
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Log in to Atlassian (OAuth 3LO + PKCE) and register the Jira site as the platform''s tenant')
            [CompletionResult]::new('update-webhook-secret', 'update-webhook-secret', [CompletionResultType]::ParameterValue, 'Replace the webhook signing secret of a tenant (tenant bundle and stack-wide verifier)')
            [CompletionResult]::new('tenants', 'tenants', [CompletionResultType]::ParameterValue, 'List registered Jira tenants')
            [CompletionResult]::new('map', 'map', [CompletionResultType]::ParameterValue, 'Map a Jira project to a repository')
            [CompletionResult]::new('unmap', 'unmap', [CompletionResultType]::ParameterValue, 'Stop routing a Jira project (sets status=removed, keeps the row)')
            [CompletionResult]::new('projects', 'projects', [CompletionResultType]::ParameterValue, 'List project mappings')
            [CompletionResult]::new('invite-user', 'invite-user', [CompletionResultType]::ParameterValue, 'Create a one-time code that links a Jira account to a teammate''s platform account')
            [CompletionResult]::new('link', 'link', [CompletionResultType]::ParameterValue, 'Redeem a one-time code: bind its Jira account to your platform account')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'List linked Jira accounts and open invites of a tenant')
            [CompletionResult]::new('unlink', 'unlink', [CompletionResultType]::ParameterValue, 'Remove the link of a Jira account')
            [CompletionResult]::new('app-setup', 'app-setup', [CompletionResultType]::ParameterValue, 'Make the Jira Forge app (signed web-trigger proxy) the writer of the agent''s comments and transitions')
            [CompletionResult]::new('cr', 'cr', [CompletionResultType]::ParameterValue, 'Change-request approval gate for CI: check an issue''s approval; make and use approval-signing keys')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the whole trigger chain of a tenant and name the fix for every broken link')
            [CompletionResult]::new('webhook', 'webhook', [CompletionResultType]::ParameterValue, 'The Jira webhook receiver')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Take a tenant out of service (registry status=revoked; optionally delete its bundle)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bgagent;jira;help;app-template' {
            break
        }
        'bgagent;jira;help;setup' {
            break
        }
        'bgagent;jira;help;update-webhook-secret' {
            break
        }
        'bgagent;jira;help;tenants' {
            break
        }
        'bgagent;jira;help;map' {
            break
        }
        'bgagent;jira;help;unmap' {
            break
        }
        'bgagent;jira;help;projects' {
            break
        }
        'bgagent;jira;help;invite-user' {
            break
        }
        'bgagent;jira;help;link' {
            break
        }
        'bgagent;jira;help;users' {
            break
        }
        'bgagent;jira;help;unlink' {
            break
        }
        'bgagent;jira;help;app-setup' {
            break
        }
        'bgagent;jira;help;cr' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Decide whether a change request is approved (exit 0 approved, 1 not approved, 2 usage or configuration)')
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Make an Ed25519 key pair for signing approvals (PEM: passphrase-encrypted PKCS#8 + public key)')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign the approval of an issue in a status: prints the signature JSON for the signature field')
            break
        }
        'bgagent;jira;help;cr;check' {
            break
        }
        'bgagent;jira;help;cr;keygen' {
            break
        }
        'bgagent;jira;help;cr;sign' {
            break
        }
        'bgagent;jira;help;doctor' {
            break
        }
        'bgagent;jira;help;webhook' {
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'POST a signed probe (an ignored event) and a forged one to the receiver; expect 200 and 401')
            break
        }
        'bgagent;jira;help;webhook;test' {
            break
        }
        'bgagent;jira;help;revoke' {
            break
        }
        'bgagent;jira;help;help' {
            break
        }
        'bgagent;linear' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('app-template', 'app-template', [CompletionResultType]::ParameterValue, 'Print what to enter in Linear''s OAuth application form (offline)')
            [CompletionResult]::new('webhook-info', 'webhook-info', [CompletionResultType]::ParameterValue, 'Print where and how to create the Linear webhook')
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Install the OAuth app in a Linear workspace (actor=app) and register it with the platform')
            [CompletionResult]::new('add-workspace', 'add-workspace', [CompletionResultType]::ParameterValue, 'Install the already-registered OAuth app in a further Linear workspace')
            [CompletionResult]::new('workspaces', 'workspaces', [CompletionResultType]::ParameterValue, 'List registered Linear workspaces')
            [CompletionResult]::new('update-webhook-secret', 'update-webhook-secret', [CompletionResultType]::ParameterValue, 'Replace a workspace''s webhook signing secret (its bundle only; the stack-wide fallback is untouched)')
            [CompletionResult]::new('onboard-project', 'onboard-project', [CompletionResultType]::ParameterValue, 'Map a Linear project to a repository')
            [CompletionResult]::new('projects', 'projects', [CompletionResultType]::ParameterValue, 'List the projects of the registered workspaces, with their mappings')
            [CompletionResult]::new('invite-user', 'invite-user', [CompletionResultType]::ParameterValue, 'Create a one-time code that links a Linear user to a teammate''s platform account')
            [CompletionResult]::new('link', 'link', [CompletionResultType]::ParameterValue, 'Redeem a one-time code: bind its Linear user to your platform account')
            [CompletionResult]::new('remove-workspace', 'remove-workspace', [CompletionResultType]::ParameterValue, 'Take a workspace out of service: revoke its registry row, delete its bundle, optionally the row')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the trigger chain of a workspace and name the fix for every broken link')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bgagent;linear;app-template' {
            [CompletionResult]::new('--bot-name', '--bot-name', [CompletionResultType]::ParameterName, 'The app''s GitHub username; Linear requires it to end in `[bot]` for actor=app')
            [CompletionResult]::new('--developer-name', '--developer-name', [CompletionResultType]::ParameterName, 'Developer name shown on the consent screen')
            [CompletionResult]::new('--developer-url', '--developer-url', [CompletionResultType]::ParameterName, 'Developer URL shown on the consent screen')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'App description')
            [CompletionResult]::new('--callback-url', '--callback-url', [CompletionResultType]::ParameterName, 'OAuth callback URL to register (use the same value with `setup`)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;linear;webhook-info' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;linear;setup' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth app client id (add-workspace: else the registered app''s)')
            [CompletionResult]::new('--callback-url', '--callback-url', [CompletionResultType]::ParameterName, 'Registered OAuth callback URL (must equal the app''s value byte for byte)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the browser callback (e.g. 300s, 5m)')
            [CompletionResult]::new('--platform-user-id', '--platform-user-id', [CompletionResultType]::ParameterName, 'Platform user recorded as installer (else the logged-in identity)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--client-secret-stdin', '--client-secret-stdin', [CompletionResultType]::ParameterName, 'Read the OAuth client secret from stdin (or set BGAGENT_LINEAR_CLIENT_SECRET)')
            [CompletionResult]::new('--forget-client', '--forget-client', [CompletionResultType]::ParameterName, 'Drop the client id and secret remembered in the OS keychain, then continue')
            [CompletionResult]::new('--webhook-secret-stdin', '--webhook-secret-stdin', [CompletionResultType]::ParameterName, 'Read the workspace''s webhook signing secret (lin_wh_…) from stdin (or set BGAGENT_LINEAR_WEBHOOK_SECRET)')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser: print the URL and paste back the redirected URL')
            [CompletionResult]::new('--no-actor-app', '--no-actor-app', [CompletionResultType]::ParameterName, 'Authorize as the signed-in user instead of installing the app as a workspace bot (no actor=app)')
            [CompletionResult]::new('--no-force-consent', '--no-force-consent', [CompletionResultType]::ParameterName, 'Do not force the consent screen (no prompt=consent; an installed app then returns no code)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Proceed although the slug is not the workspace''s URL key, or the slug''s secret or the workspace''s row belongs to another slug/workspace')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the authorize URL parameters and the writes, touch nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;linear;add-workspace' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth app client id (add-workspace: else the registered app''s)')
            [CompletionResult]::new('--callback-url', '--callback-url', [CompletionResultType]::ParameterName, 'Registered OAuth callback URL (must equal the app''s value byte for byte)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the browser callback (e.g. 300s, 5m)')
            [CompletionResult]::new('--platform-user-id', '--platform-user-id', [CompletionResultType]::ParameterName, 'Platform user recorded as installer (else the logged-in identity)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--client-secret-stdin', '--client-secret-stdin', [CompletionResultType]::ParameterName, 'Read the OAuth client secret from stdin (or set BGAGENT_LINEAR_CLIENT_SECRET)')
            [CompletionResult]::new('--forget-client', '--forget-client', [CompletionResultType]::ParameterName, 'Drop the client id and secret remembered in the OS keychain, then continue')
            [CompletionResult]::new('--webhook-secret-stdin', '--webhook-secret-stdin', [CompletionResultType]::ParameterName, 'Read the workspace''s webhook signing secret (lin_wh_…) from stdin (or set BGAGENT_LINEAR_WEBHOOK_SECRET)')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser: print the URL and paste back the redirected URL')
            [CompletionResult]::new('--no-actor-app', '--no-actor-app', [CompletionResultType]::ParameterName, 'Authorize as the signed-in user instead of installing the app as a workspace bot (no actor=app)')
            [CompletionResult]::new('--no-force-consent', '--no-force-consent', [CompletionResultType]::ParameterName, 'Do not force the consent screen (no prompt=consent; an installed app then returns no code)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Proceed although the slug is not the workspace''s URL key, or the slug''s secret or the workspace''s row belongs to another slug/workspace')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the authorize URL parameters and the writes, touch nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;linear;workspaces' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;linear;update-webhook-secret' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--webhook-secret-stdin', '--webhook-secret-stdin', [CompletionResultType]::ParameterName, 'Read the webhook signing secret (lin_wh_…) from stdin (or set BGAGENT_LINEAR_WEBHOOK_SECRET)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written, touch nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;linear;onboard-project' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'Repository to run tasks in (owner/repo, onboarded and active on the platform)')
            [CompletionResult]::new('--slug', '--slug', [CompletionResultType]::ParameterName, 'Workspace the project belongs to (needed when several are registered)')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Trigger label (default bgagent; kept on re-runs when not given)')
            [CompletionResult]::new('--team-id', '--team-id', [CompletionResultType]::ParameterName, 'Linear team id to record with the mapping (informational)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Re-point a project that is mapped to another repository')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the mapping that would be written, touch nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;linear;projects' {
            [CompletionResult]::new('--slug', '--slug', [CompletionResultType]::ParameterName, 'Only this workspace')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;linear;invite-user' {
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'How long the code stays valid (at most 7d)')
            [CompletionResult]::new('--platform-user-id', '--platform-user-id', [CompletionResultType]::ParameterName, 'Platform user recorded as inviter (else the logged-in identity)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Resolve the user and show the invite row, write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;linear;link' {
            [CompletionResult]::new('--platform-user-id', '--platform-user-id', [CompletionResultType]::ParameterName, 'Platform user to link (else the logged-in identity)')
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, '`api`: the platform API links the logged-in user (needs `bgagent login`, no AWS credentials); `direct`: one DynamoDB transaction with your AWS credentials [default: api when logged in, else direct]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be linked, write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;linear;remove-workspace' {
            [CompletionResult]::new('--recovery-days', '--recovery-days', [CompletionResultType]::ParameterName, 'Recovery window of the deleted bundle, in days (7 to 30)')
            [CompletionResult]::new('--platform-user-id', '--platform-user-id', [CompletionResultType]::ParameterName, 'Platform user recorded as remover (else the logged-in identity)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--purge', '--purge', [CompletionResultType]::ParameterName, 'Also delete the registry row (after the bundle''s deletion succeeded)')
            [CompletionResult]::new('--force-delete', '--force-delete', [CompletionResultType]::ParameterName, 'Delete the bundle immediately, without a recovery window (IRREVERSIBLE; the slug can be set up again at once)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;linear;doctor' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--verify-refresh', '--verify-refresh', [CompletionResultType]::ParameterName, 'Also refresh the token once; this ROTATES the refresh token (the new one is stored)')
            [CompletionResult]::new('--skip-webhook-probe', '--skip-webhook-probe', [CompletionResultType]::ParameterName, 'Do not POST the signed probe to the webhook receiver (reported as skipped)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;linear;help' {
            [CompletionResult]::new('app-template', 'app-template', [CompletionResultType]::ParameterValue, 'Print what to enter in Linear''s OAuth application form (offline)')
            [CompletionResult]::new('webhook-info', 'webhook-info', [CompletionResultType]::ParameterValue, 'Print where and how to create the Linear webhook')
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Install the OAuth app in a Linear workspace (actor=app) and register it with the platform')
            [CompletionResult]::new('add-workspace', 'add-workspace', [CompletionResultType]::ParameterValue, 'Install the already-registered OAuth app in a further Linear workspace')
            [CompletionResult]::new('workspaces', 'workspaces', [CompletionResultType]::ParameterValue, 'List registered Linear workspaces')
            [CompletionResult]::new('update-webhook-secret', 'update-webhook-secret', [CompletionResultType]::ParameterValue, 'Replace a workspace''s webhook signing secret (its bundle only; the stack-wide fallback is untouched)')
            [CompletionResult]::new('onboard-project', 'onboard-project', [CompletionResultType]::ParameterValue, 'Map a Linear project to a repository')
            [CompletionResult]::new('projects', 'projects', [CompletionResultType]::ParameterValue, 'List the projects of the registered workspaces, with their mappings')
            [CompletionResult]::new('invite-user', 'invite-user', [CompletionResultType]::ParameterValue, 'Create a one-time code that links a Linear user to a teammate''s platform account')
            [CompletionResult]::new('link', 'link', [CompletionResultType]::ParameterValue, 'Redeem a one-time code: bind its Linear user to your platform account')
            [CompletionResult]::new('remove-workspace', 'remove-workspace', [CompletionResultType]::ParameterValue, 'Take a workspace out of service: revoke its registry row, delete its bundle, optionally the row')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the trigger chain of a workspace and name the fix for every broken link')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bgagent;linear;help;app-template' {
            break
        }
        'bgagent;linear;help;webhook-info' {
            break
        }
        'bgagent;linear;help;setup' {
            break
        }
        'bgagent;linear;help;add-workspace' {
            break
        }
        'bgagent;linear;help;workspaces' {
            break
        }
        'bgagent;linear;help;update-webhook-secret' {
            break
        }
        'bgagent;linear;help;onboard-project' {
            break
        }
        'bgagent;linear;help;projects' {
            break
        }
        'bgagent;linear;help;invite-user' {
            break
        }
        'bgagent;linear;help;link' {
            break
        }
        'bgagent;linear;help;remove-workspace' {
            break
        }
        'bgagent;linear;help;doctor' {
            break
        }
        'bgagent;linear;help;help' {
            break
        }
        'bgagent;configure' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform REST API URL, with its stage (the stack''s `ApiUrl` output, e.g. https://…/v1/)')
            [CompletionResult]::new('--registry-api-url', '--registry-api-url', [CompletionResultType]::ParameterName, 'Registry API URL (the stack''s optional `RegistryApiUrl` output)')
            [CompletionResult]::new('--user-pool-id', '--user-pool-id', [CompletionResultType]::ParameterName, 'Cognito user pool id, `<region>_<id>` (the stack''s `UserPoolId` output)')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Cognito app client id (the stack''s `AppClientId` output)')
            [CompletionResult]::new('--from-bundle', '--from-bundle', [CompletionResultType]::ParameterName, 'Configuration bundle from an admin: base64 of {api_url, region, user_pool_id, client_id}')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--no-stack', '--no-stack', [CompletionResultType]::ParameterName, 'Do not read the stack''s outputs: use only the flags and the existing config.json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;login' {
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Cognito username (usually your email); prompted when absent')
            [CompletionResult]::new('--mfa-code', '--mfa-code', [CompletionResultType]::ParameterName, 'MFA code (authenticator app or SMS) when the pool asks for one; prompted when absent')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from stdin, one line (or set BGAGENT_PASSWORD; else a masked prompt)')
            [CompletionResult]::new('--new-password-stdin', '--new-password-stdin', [CompletionResultType]::ParameterName, 'When Cognito asks for a new password (first login of an invited user), read it from stdin (after the password line with --password-stdin; or set BGAGENT_NEW_PASSWORD)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;logout' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--everywhere', '--everywhere', [CompletionResultType]::ParameterName, 'Also revoke the refresh token at Cognito (signs this user out on every device)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;whoami' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;approve' {
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'How far the approval reaches: this_call, tool_type_session, tool_group_session, all_session (needs --yes), tool_type:<Bash|Read|Write|Edit|Glob|Grep|WebFetch|Task>, tool_group:file_write, bash_pattern:<glob>, write_path:<glob>, rule:<rule-id> (≤ 128 chars)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;deny' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (shown to the agent; at most 2000 characters)')
            [CompletionResult]::new('--reason-file', '--reason-file', [CompletionResultType]::ParameterName, 'Read the reason from a file (UTF-8)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;pending' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;policies' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a repository''s Cedar rules (hard-deny and soft-deny)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one rule of a repository')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bgagent;policies;list' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'Repository (owner/repo)')
            [CompletionResult]::new('--tier', '--tier', [CompletionResultType]::ParameterName, 'Only this tier')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;policies;show' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'Repository (owner/repo)')
            [CompletionResult]::new('--rule', '--rule', [CompletionResultType]::ParameterName, 'Rule id (from `bgagent policies list`)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;policies;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a repository''s Cedar rules (hard-deny and soft-deny)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one rule of a repository')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bgagent;policies;help;list' {
            break
        }
        'bgagent;policies;help;show' {
            break
        }
        'bgagent;policies;help;help' {
            break
        }
        'bgagent;completions' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the standard AWS chain, else `region` in the config dir''s config.json)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'CloudFormation stack of the platform')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one JSON document on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each AWS and Atlassian call as it happens')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Accept confirmations without asking')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read the platform stack''s outputs live instead of from the cache in the config dir')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bgagent;help' {
            [CompletionResult]::new('jira', 'jira', [CompletionResultType]::ParameterValue, 'Connect and manage a Jira Cloud site')
            [CompletionResult]::new('linear', 'linear', [CompletionResultType]::ParameterValue, 'Connect and manage Linear workspaces')
            [CompletionResult]::new('configure', 'configure', [CompletionResultType]::ParameterValue, 'Write the platform config (config.json) from the stack''s outputs, an admin''s bundle, or flags')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in to the platform (Cognito user pool); writes credentials.json')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove the login (--everywhere also revokes it at Cognito)')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Show the login (user, sub, email, token expiry) and the platform config')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve a pending Cedar HITL gate of a task (see `bgagent pending`)')
            [CompletionResult]::new('deny', 'deny', [CompletionResultType]::ParameterValue, 'Deny a pending Cedar HITL gate of a task')
            [CompletionResult]::new('pending', 'pending', [CompletionResultType]::ParameterValue, 'List the approvals waiting for you, with the command to approve or deny each')
            [CompletionResult]::new('policies', 'policies', [CompletionResultType]::ParameterValue, 'Show a repository''s Cedar approval rules')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bgagent;help;jira' {
            [CompletionResult]::new('app-template', 'app-template', [CompletionResultType]::ParameterValue, 'Print what to enter in the Atlassian developer console (offline)')
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Log in to Atlassian (OAuth 3LO + PKCE) and register the Jira site as the platform''s tenant')
            [CompletionResult]::new('update-webhook-secret', 'update-webhook-secret', [CompletionResultType]::ParameterValue, 'Replace the webhook signing secret of a tenant (tenant bundle and stack-wide verifier)')
            [CompletionResult]::new('tenants', 'tenants', [CompletionResultType]::ParameterValue, 'List registered Jira tenants')
            [CompletionResult]::new('map', 'map', [CompletionResultType]::ParameterValue, 'Map a Jira project to a repository')
            [CompletionResult]::new('unmap', 'unmap', [CompletionResultType]::ParameterValue, 'Stop routing a Jira project (sets status=removed, keeps the row)')
            [CompletionResult]::new('projects', 'projects', [CompletionResultType]::ParameterValue, 'List project mappings')
            [CompletionResult]::new('invite-user', 'invite-user', [CompletionResultType]::ParameterValue, 'Create a one-time code that links a Jira account to a teammate''s platform account')
            [CompletionResult]::new('link', 'link', [CompletionResultType]::ParameterValue, 'Redeem a one-time code: bind its Jira account to your platform account')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'List linked Jira accounts and open invites of a tenant')
            [CompletionResult]::new('unlink', 'unlink', [CompletionResultType]::ParameterValue, 'Remove the link of a Jira account')
            [CompletionResult]::new('app-setup', 'app-setup', [CompletionResultType]::ParameterValue, 'Make the Jira Forge app (signed web-trigger proxy) the writer of the agent''s comments and transitions')
            [CompletionResult]::new('cr', 'cr', [CompletionResultType]::ParameterValue, 'Change-request approval gate for CI: check an issue''s approval; make and use approval-signing keys')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the whole trigger chain of a tenant and name the fix for every broken link')
            [CompletionResult]::new('webhook', 'webhook', [CompletionResultType]::ParameterValue, 'The Jira webhook receiver')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Take a tenant out of service (registry status=revoked; optionally delete its bundle)')
            break
        }
        'bgagent;help;jira;app-template' {
            break
        }
        'bgagent;help;jira;setup' {
            break
        }
        'bgagent;help;jira;update-webhook-secret' {
            break
        }
        'bgagent;help;jira;tenants' {
            break
        }
        'bgagent;help;jira;map' {
            break
        }
        'bgagent;help;jira;unmap' {
            break
        }
        'bgagent;help;jira;projects' {
            break
        }
        'bgagent;help;jira;invite-user' {
            break
        }
        'bgagent;help;jira;link' {
            break
        }
        'bgagent;help;jira;users' {
            break
        }
        'bgagent;help;jira;unlink' {
            break
        }
        'bgagent;help;jira;app-setup' {
            break
        }
        'bgagent;help;jira;cr' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Decide whether a change request is approved (exit 0 approved, 1 not approved, 2 usage or configuration)')
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Make an Ed25519 key pair for signing approvals (PEM: passphrase-encrypted PKCS#8 + public key)')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign the approval of an issue in a status: prints the signature JSON for the signature field')
            break
        }
        'bgagent;help;jira;cr;check' {
            break
        }
        'bgagent;help;jira;cr;keygen' {
            break
        }
        'bgagent;help;jira;cr;sign' {
            break
        }
        'bgagent;help;jira;doctor' {
            break
        }
        'bgagent;help;jira;webhook' {
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'POST a signed probe (an ignored event) and a forged one to the receiver; expect 200 and 401')
            break
        }
        'bgagent;help;jira;webhook;test' {
            break
        }
        'bgagent;help;jira;revoke' {
            break
        }
        'bgagent;help;linear' {
            [CompletionResult]::new('app-template', 'app-template', [CompletionResultType]::ParameterValue, 'Print what to enter in Linear''s OAuth application form (offline)')
            [CompletionResult]::new('webhook-info', 'webhook-info', [CompletionResultType]::ParameterValue, 'Print where and how to create the Linear webhook')
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Install the OAuth app in a Linear workspace (actor=app) and register it with the platform')
            [CompletionResult]::new('add-workspace', 'add-workspace', [CompletionResultType]::ParameterValue, 'Install the already-registered OAuth app in a further Linear workspace')
            [CompletionResult]::new('workspaces', 'workspaces', [CompletionResultType]::ParameterValue, 'List registered Linear workspaces')
            [CompletionResult]::new('update-webhook-secret', 'update-webhook-secret', [CompletionResultType]::ParameterValue, 'Replace a workspace''s webhook signing secret (its bundle only; the stack-wide fallback is untouched)')
            [CompletionResult]::new('onboard-project', 'onboard-project', [CompletionResultType]::ParameterValue, 'Map a Linear project to a repository')
            [CompletionResult]::new('projects', 'projects', [CompletionResultType]::ParameterValue, 'List the projects of the registered workspaces, with their mappings')
            [CompletionResult]::new('invite-user', 'invite-user', [CompletionResultType]::ParameterValue, 'Create a one-time code that links a Linear user to a teammate''s platform account')
            [CompletionResult]::new('link', 'link', [CompletionResultType]::ParameterValue, 'Redeem a one-time code: bind its Linear user to your platform account')
            [CompletionResult]::new('remove-workspace', 'remove-workspace', [CompletionResultType]::ParameterValue, 'Take a workspace out of service: revoke its registry row, delete its bundle, optionally the row')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the trigger chain of a workspace and name the fix for every broken link')
            break
        }
        'bgagent;help;linear;app-template' {
            break
        }
        'bgagent;help;linear;webhook-info' {
            break
        }
        'bgagent;help;linear;setup' {
            break
        }
        'bgagent;help;linear;add-workspace' {
            break
        }
        'bgagent;help;linear;workspaces' {
            break
        }
        'bgagent;help;linear;update-webhook-secret' {
            break
        }
        'bgagent;help;linear;onboard-project' {
            break
        }
        'bgagent;help;linear;projects' {
            break
        }
        'bgagent;help;linear;invite-user' {
            break
        }
        'bgagent;help;linear;link' {
            break
        }
        'bgagent;help;linear;remove-workspace' {
            break
        }
        'bgagent;help;linear;doctor' {
            break
        }
        'bgagent;help;configure' {
            break
        }
        'bgagent;help;login' {
            break
        }
        'bgagent;help;logout' {
            break
        }
        'bgagent;help;whoami' {
            break
        }
        'bgagent;help;approve' {
            break
        }
        'bgagent;help;deny' {
            break
        }
        'bgagent;help;pending' {
            break
        }
        'bgagent;help;policies' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a repository''s Cedar rules (hard-deny and soft-deny)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one rule of a repository')
            break
        }
        'bgagent;help;policies;list' {
            break
        }
        'bgagent;help;policies;show' {
            break
        }
        'bgagent;help;completions' {
            break
        }
        'bgagent;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
