
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
        'bgagent;jira;help;help' {
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
