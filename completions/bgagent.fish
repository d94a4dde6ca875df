# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_bgagent_global_optspecs
    string join \n region= profile= stack-name= output= q/quiet v/verbose color= y/yes no-cache h/help V/version
end

function __fish_bgagent_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_bgagent_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_bgagent_using_subcommand
    set -l cmd (__fish_bgagent_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c bgagent -n "__fish_bgagent_needs_command" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_needs_command" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_needs_command" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_needs_command" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_needs_command" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_needs_command" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_needs_command" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_needs_command" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_needs_command" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bgagent -n "__fish_bgagent_needs_command" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_needs_command" -f -a "jira" -d 'Connect and manage a Jira Cloud site'
complete -c bgagent -n "__fish_bgagent_needs_command" -f -a "linear" -d 'Connect and manage Linear workspaces'
complete -c bgagent -n "__fish_bgagent_needs_command" -f -a "configure" -d 'Write the platform config (config.json) from the stack\'s outputs, an admin\'s bundle, or flags'
complete -c bgagent -n "__fish_bgagent_needs_command" -f -a "login" -d 'Log in to the platform (Cognito user pool); writes credentials.json'
complete -c bgagent -n "__fish_bgagent_needs_command" -f -a "logout" -d 'Remove the login (--everywhere also revokes it at Cognito)'
complete -c bgagent -n "__fish_bgagent_needs_command" -f -a "whoami" -d 'Show the login (user, sub, email, token expiry) and the platform config'
complete -c bgagent -n "__fish_bgagent_needs_command" -f -a "approve" -d 'Approve a pending Cedar HITL gate of a task (see `bgagent pending`)'
complete -c bgagent -n "__fish_bgagent_needs_command" -f -a "deny" -d 'Deny a pending Cedar HITL gate of a task'
complete -c bgagent -n "__fish_bgagent_needs_command" -f -a "pending" -d 'List the approvals waiting for you, with the command to approve or deny each'
complete -c bgagent -n "__fish_bgagent_needs_command" -f -a "policies" -d 'Show a repository\'s Cedar approval rules'
complete -c bgagent -n "__fish_bgagent_needs_command" -f -a "completions" -d 'Print shell completions'
complete -c bgagent -n "__fish_bgagent_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink app-setup cr doctor webhook revoke help" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink app-setup cr doctor webhook revoke help" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink app-setup cr doctor webhook revoke help" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink app-setup cr doctor webhook revoke help" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink app-setup cr doctor webhook revoke help" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink app-setup cr doctor webhook revoke help" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink app-setup cr doctor webhook revoke help" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink app-setup cr doctor webhook revoke help" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink app-setup cr doctor webhook revoke help" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink app-setup cr doctor webhook revoke help" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink app-setup cr doctor webhook revoke help" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink app-setup cr doctor webhook revoke help" -f -a "app-template" -d 'Print what to enter in the Atlassian developer console (offline)'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink app-setup cr doctor webhook revoke help" -f -a "setup" -d 'Log in to Atlassian (OAuth 3LO + PKCE) and register the Jira site as the platform\'s tenant'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink app-setup cr doctor webhook revoke help" -f -a "update-webhook-secret" -d 'Replace the webhook signing secret of a tenant (tenant bundle and stack-wide verifier)'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink app-setup cr doctor webhook revoke help" -f -a "tenants" -d 'List registered Jira tenants'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink app-setup cr doctor webhook revoke help" -f -a "map" -d 'Map a Jira project to a repository'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink app-setup cr doctor webhook revoke help" -f -a "unmap" -d 'Stop routing a Jira project (sets status=removed, keeps the row)'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink app-setup cr doctor webhook revoke help" -f -a "projects" -d 'List project mappings'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink app-setup cr doctor webhook revoke help" -f -a "invite-user" -d 'Create a one-time code that links a Jira account to a teammate\'s platform account'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink app-setup cr doctor webhook revoke help" -f -a "link" -d 'Redeem a one-time code: bind its Jira account to your platform account'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink app-setup cr doctor webhook revoke help" -f -a "users" -d 'List linked Jira accounts and open invites of a tenant'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink app-setup cr doctor webhook revoke help" -f -a "unlink" -d 'Remove the link of a Jira account'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink app-setup cr doctor webhook revoke help" -f -a "app-setup" -d 'Make the Jira Forge app (signed web-trigger proxy) the writer of the agent\'s comments and transitions'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink app-setup cr doctor webhook revoke help" -f -a "cr" -d 'Change-request approval gate for CI: check an issue\'s approval; make and use approval-signing keys'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink app-setup cr doctor webhook revoke help" -f -a "doctor" -d 'Check the whole trigger chain of a tenant and name the fix for every broken link'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink app-setup cr doctor webhook revoke help" -f -a "webhook" -d 'The Jira webhook receiver'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink app-setup cr doctor webhook revoke help" -f -a "revoke" -d 'Take a tenant out of service (registry status=revoked; optionally delete its bundle)'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink app-setup cr doctor webhook revoke help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from app-template" -l developer-name -d 'Developer or organisation name shown in the app name' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from app-template" -l description -d 'App description' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from app-template" -l callback-url -d 'OAuth callback URL to register (use the same value with `setup`)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from app-template" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from app-template" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from app-template" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from app-template" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from app-template" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from app-template" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from app-template" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from app-template" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from app-template" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from app-template" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from app-template" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from setup" -l client-id -d 'OAuth app client id (else remembered in the OS keychain, else prompted)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from setup" -l callback-url -d 'Registered OAuth callback URL (must equal the console value byte for byte)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from setup" -l site -d 'Site to connect when the grant covers several (site URL or cloud id)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from setup" -l timeout -d 'How long to wait for the browser callback (e.g. 300s, 5m)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from setup" -l platform-user-id -d 'Platform user recorded as installer (else the logged-in identity)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from setup" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from setup" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from setup" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from setup" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from setup" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from setup" -l client-secret-stdin -d 'Read the OAuth client secret from stdin (or set BGAGENT_JIRA_CLIENT_SECRET)'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from setup" -l no-browser -d 'Do not open a browser: print the URL and paste back the redirected URL'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from setup" -l webhook-secret-stdin -d 'Read the webhook signing secret from stdin (or set BGAGENT_JIRA_WEBHOOK_SECRET)'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from setup" -l generate-webhook-secret -d 'Generate a webhook signing secret (32 random bytes, hex) and show it once'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from setup" -l forget-client -d 'Drop the client id and secret remembered in the OS keychain, then continue'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from setup" -l dry-run -d 'Show the authorize URL parameters and the writes, touch nothing'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from setup" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from setup" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from setup" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from setup" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from setup" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from setup" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from update-webhook-secret" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from update-webhook-secret" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from update-webhook-secret" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from update-webhook-secret" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from update-webhook-secret" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from update-webhook-secret" -l webhook-secret-stdin -d 'Read the webhook signing secret from stdin (or set BGAGENT_JIRA_WEBHOOK_SECRET)'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from update-webhook-secret" -l generate-webhook-secret -d 'Generate a webhook signing secret (32 random bytes, hex) and show it once'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from update-webhook-secret" -l dry-run -d 'Show what would be written, touch nothing'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from update-webhook-secret" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from update-webhook-secret" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from update-webhook-secret" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from update-webhook-secret" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from update-webhook-secret" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from update-webhook-secret" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from tenants" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from tenants" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from tenants" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from tenants" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from tenants" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from tenants" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from tenants" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from tenants" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from tenants" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from tenants" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from tenants" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from map" -l repo -d 'Repository the project\'s issues go to (owner/repo)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from map" -l label -d 'Label that triggers a run [default for a new mapping: bgagent]' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from map" -l status-on-start -d 'Jira status to move an issue to when a task starts' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from map" -l status-on-pr -d 'Jira status to move an issue to when a PR is opened' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from map" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from map" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from map" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from map" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from map" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from map" -l force -d 'Re-point a project that is mapped to a different repository'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from map" -l dry-run -d 'Show the row that would be written, write nothing'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from map" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from map" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from map" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from map" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from map" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from map" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from unmap" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from unmap" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from unmap" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from unmap" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from unmap" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from unmap" -l dry-run -d 'Show what would change, write nothing'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from unmap" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from unmap" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from unmap" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from unmap" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from unmap" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from unmap" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from projects" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from projects" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from projects" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from projects" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from projects" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from projects" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from projects" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from projects" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from projects" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from projects" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from projects" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from invite-user" -l ttl -d 'How long the code stays valid (at most 7d)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from invite-user" -l platform-user-id -d 'Platform user recorded as inviter (else the logged-in identity)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from invite-user" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from invite-user" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from invite-user" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from invite-user" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from invite-user" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from invite-user" -l dry-run -d 'Resolve the user and show the invite row, write nothing'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from invite-user" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from invite-user" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from invite-user" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from invite-user" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from invite-user" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from invite-user" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from link" -l platform-user-id -d 'Platform user to link (else the logged-in identity)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from link" -l via -d '`api`: the platform API links the logged-in user (needs `bgagent login`, no AWS credentials); `direct`: one DynamoDB transaction with your AWS credentials [default: api when logged in, else direct]' -r -f -a "api\t''
direct\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from link" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from link" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from link" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from link" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from link" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from link" -l dry-run -d 'Show what would be linked, write nothing'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from link" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from link" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from link" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from link" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from link" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from link" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from users" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from users" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from users" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from users" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from users" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from users" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from users" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from users" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from users" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from users" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from users" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from unlink" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from unlink" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from unlink" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from unlink" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from unlink" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from unlink" -l dry-run -d 'Show what would be removed, write nothing'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from unlink" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from unlink" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from unlink" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from unlink" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from unlink" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from unlink" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from app-setup" -l proxy-url -d 'Forge v2 web-trigger URL: https://<installation>.webtrigger.atlassian.app/public/<id>' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from app-setup" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from app-setup" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from app-setup" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from app-setup" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from app-setup" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from app-setup" -l shared-secret-stdin -d 'Read the Forge proxy shared secret (BGAGENT_PROXY_SECRET of the Forge app) from stdin'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from app-setup" -l remove -d 'Go back to writes as the OAuth user: remove all five app_actor_* fields and outbound_identity'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from app-setup" -l dry-run -d 'Check the inputs and probe the proxy (or show what --remove would remove), write nothing'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from app-setup" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from app-setup" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from app-setup" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from app-setup" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from app-setup" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from app-setup" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from cr" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from cr" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from cr" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from cr" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from cr" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from cr" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from cr" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from cr" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from cr" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from cr" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from cr" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from cr" -f -a "check" -d 'Decide whether a change request is approved (exit 0 approved, 1 not approved, 2 usage or configuration)'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from cr" -f -a "keygen" -d 'Make an Ed25519 key pair for signing approvals (PEM: passphrase-encrypted PKCS#8 + public key)'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from cr" -f -a "sign" -d 'Sign the approval of an issue in a status: prints the signature JSON for the signature field'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from cr" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from doctor" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from doctor" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from doctor" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from doctor" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from doctor" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from doctor" -l verify-refresh -d 'Also refresh the token once; this ROTATES the refresh token (the new one is stored)'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from doctor" -l skip-webhook-probe -d 'Do not POST the signed probe to the webhook receiver (reported as skipped)'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from doctor" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from doctor" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from doctor" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from doctor" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from doctor" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from doctor" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from webhook" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from webhook" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from webhook" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from webhook" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from webhook" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from webhook" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from webhook" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from webhook" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from webhook" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from webhook" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from webhook" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from webhook" -f -a "test" -d 'POST a signed probe (an ignored event) and a forged one to the receiver; expect 200 and 401'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from webhook" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from revoke" -l recovery-days -d 'Recovery window of the deleted bundle, in days (7 to 30)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from revoke" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from revoke" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from revoke" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from revoke" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from revoke" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from revoke" -l delete-secret -d 'Also schedule deletion of the tenant\'s OAuth bundle (restorable during the recovery window)'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from revoke" -l force-delete -d 'Delete the bundle immediately, without a recovery window (IRREVERSIBLE)'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from revoke" -l dry-run -d 'Show what would change, write nothing'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from revoke" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from revoke" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from revoke" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from revoke" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from help" -f -a "app-template" -d 'Print what to enter in the Atlassian developer console (offline)'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from help" -f -a "setup" -d 'Log in to Atlassian (OAuth 3LO + PKCE) and register the Jira site as the platform\'s tenant'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from help" -f -a "update-webhook-secret" -d 'Replace the webhook signing secret of a tenant (tenant bundle and stack-wide verifier)'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from help" -f -a "tenants" -d 'List registered Jira tenants'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from help" -f -a "map" -d 'Map a Jira project to a repository'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from help" -f -a "unmap" -d 'Stop routing a Jira project (sets status=removed, keeps the row)'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from help" -f -a "projects" -d 'List project mappings'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from help" -f -a "invite-user" -d 'Create a one-time code that links a Jira account to a teammate\'s platform account'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from help" -f -a "link" -d 'Redeem a one-time code: bind its Jira account to your platform account'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from help" -f -a "users" -d 'List linked Jira accounts and open invites of a tenant'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from help" -f -a "unlink" -d 'Remove the link of a Jira account'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from help" -f -a "app-setup" -d 'Make the Jira Forge app (signed web-trigger proxy) the writer of the agent\'s comments and transitions'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from help" -f -a "cr" -d 'Change-request approval gate for CI: check an issue\'s approval; make and use approval-signing keys'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from help" -f -a "doctor" -d 'Check the whole trigger chain of a tenant and name the fix for every broken link'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from help" -f -a "webhook" -d 'The Jira webhook receiver'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Take a tenant out of service (registry status=revoked; optionally delete its bundle)'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and not __fish_seen_subcommand_from app-template webhook-info setup add-workspace workspaces update-webhook-secret onboard-project projects invite-user link remove-workspace doctor help" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and not __fish_seen_subcommand_from app-template webhook-info setup add-workspace workspaces update-webhook-secret onboard-project projects invite-user link remove-workspace doctor help" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and not __fish_seen_subcommand_from app-template webhook-info setup add-workspace workspaces update-webhook-secret onboard-project projects invite-user link remove-workspace doctor help" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and not __fish_seen_subcommand_from app-template webhook-info setup add-workspace workspaces update-webhook-secret onboard-project projects invite-user link remove-workspace doctor help" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and not __fish_seen_subcommand_from app-template webhook-info setup add-workspace workspaces update-webhook-secret onboard-project projects invite-user link remove-workspace doctor help" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and not __fish_seen_subcommand_from app-template webhook-info setup add-workspace workspaces update-webhook-secret onboard-project projects invite-user link remove-workspace doctor help" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and not __fish_seen_subcommand_from app-template webhook-info setup add-workspace workspaces update-webhook-secret onboard-project projects invite-user link remove-workspace doctor help" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and not __fish_seen_subcommand_from app-template webhook-info setup add-workspace workspaces update-webhook-secret onboard-project projects invite-user link remove-workspace doctor help" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and not __fish_seen_subcommand_from app-template webhook-info setup add-workspace workspaces update-webhook-secret onboard-project projects invite-user link remove-workspace doctor help" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and not __fish_seen_subcommand_from app-template webhook-info setup add-workspace workspaces update-webhook-secret onboard-project projects invite-user link remove-workspace doctor help" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and not __fish_seen_subcommand_from app-template webhook-info setup add-workspace workspaces update-webhook-secret onboard-project projects invite-user link remove-workspace doctor help" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and not __fish_seen_subcommand_from app-template webhook-info setup add-workspace workspaces update-webhook-secret onboard-project projects invite-user link remove-workspace doctor help" -f -a "app-template" -d 'Print what to enter in Linear\'s OAuth application form (offline)'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and not __fish_seen_subcommand_from app-template webhook-info setup add-workspace workspaces update-webhook-secret onboard-project projects invite-user link remove-workspace doctor help" -f -a "webhook-info" -d 'Print where and how to create the Linear webhook'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and not __fish_seen_subcommand_from app-template webhook-info setup add-workspace workspaces update-webhook-secret onboard-project projects invite-user link remove-workspace doctor help" -f -a "setup" -d 'Install the OAuth app in a Linear workspace (actor=app) and register it with the platform'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and not __fish_seen_subcommand_from app-template webhook-info setup add-workspace workspaces update-webhook-secret onboard-project projects invite-user link remove-workspace doctor help" -f -a "add-workspace" -d 'Install the already-registered OAuth app in a further Linear workspace'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and not __fish_seen_subcommand_from app-template webhook-info setup add-workspace workspaces update-webhook-secret onboard-project projects invite-user link remove-workspace doctor help" -f -a "workspaces" -d 'List registered Linear workspaces'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and not __fish_seen_subcommand_from app-template webhook-info setup add-workspace workspaces update-webhook-secret onboard-project projects invite-user link remove-workspace doctor help" -f -a "update-webhook-secret" -d 'Replace a workspace\'s webhook signing secret (its bundle only; the stack-wide fallback is untouched)'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and not __fish_seen_subcommand_from app-template webhook-info setup add-workspace workspaces update-webhook-secret onboard-project projects invite-user link remove-workspace doctor help" -f -a "onboard-project" -d 'Map a Linear project to a repository'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and not __fish_seen_subcommand_from app-template webhook-info setup add-workspace workspaces update-webhook-secret onboard-project projects invite-user link remove-workspace doctor help" -f -a "projects" -d 'List the projects of the registered workspaces, with their mappings'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and not __fish_seen_subcommand_from app-template webhook-info setup add-workspace workspaces update-webhook-secret onboard-project projects invite-user link remove-workspace doctor help" -f -a "invite-user" -d 'Create a one-time code that links a Linear user to a teammate\'s platform account'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and not __fish_seen_subcommand_from app-template webhook-info setup add-workspace workspaces update-webhook-secret onboard-project projects invite-user link remove-workspace doctor help" -f -a "link" -d 'Redeem a one-time code: bind its Linear user to your platform account'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and not __fish_seen_subcommand_from app-template webhook-info setup add-workspace workspaces update-webhook-secret onboard-project projects invite-user link remove-workspace doctor help" -f -a "remove-workspace" -d 'Take a workspace out of service: revoke its registry row, delete its bundle, optionally the row'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and not __fish_seen_subcommand_from app-template webhook-info setup add-workspace workspaces update-webhook-secret onboard-project projects invite-user link remove-workspace doctor help" -f -a "doctor" -d 'Check the trigger chain of a workspace and name the fix for every broken link'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and not __fish_seen_subcommand_from app-template webhook-info setup add-workspace workspaces update-webhook-secret onboard-project projects invite-user link remove-workspace doctor help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from app-template" -l bot-name -d 'The app\'s GitHub username; Linear requires it to end in `[bot]` for actor=app' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from app-template" -l developer-name -d 'Developer name shown on the consent screen' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from app-template" -l developer-url -d 'Developer URL shown on the consent screen' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from app-template" -l description -d 'App description' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from app-template" -l callback-url -d 'OAuth callback URL to register (use the same value with `setup`)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from app-template" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from app-template" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from app-template" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from app-template" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from app-template" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from app-template" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from app-template" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from app-template" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from app-template" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from app-template" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from app-template" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from webhook-info" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from webhook-info" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from webhook-info" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from webhook-info" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from webhook-info" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from webhook-info" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from webhook-info" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from webhook-info" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from webhook-info" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from webhook-info" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from webhook-info" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from setup" -l client-id -d 'OAuth app client id (add-workspace: else the registered app\'s)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from setup" -l callback-url -d 'Registered OAuth callback URL (must equal the app\'s value byte for byte)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from setup" -l timeout -d 'How long to wait for the browser callback (e.g. 300s, 5m)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from setup" -l platform-user-id -d 'Platform user recorded as installer (else the logged-in identity)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from setup" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from setup" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from setup" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from setup" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from setup" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from setup" -l client-secret-stdin -d 'Read the OAuth client secret from stdin (or set BGAGENT_LINEAR_CLIENT_SECRET)'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from setup" -l forget-client -d 'Drop the client id and secret remembered in the OS keychain, then continue'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from setup" -l webhook-secret-stdin -d 'Read the workspace\'s webhook signing secret (lin_wh_…) from stdin (or set BGAGENT_LINEAR_WEBHOOK_SECRET)'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from setup" -l no-browser -d 'Do not open a browser: print the URL and paste back the redirected URL'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from setup" -l no-actor-app -d 'Authorize as the signed-in user instead of installing the app as a workspace bot (no actor=app)'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from setup" -l no-force-consent -d 'Do not force the consent screen (no prompt=consent; an installed app then returns no code)'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from setup" -l force -d 'Proceed although the slug is not the workspace\'s URL key, or the slug\'s secret or the workspace\'s row belongs to another slug/workspace'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from setup" -l dry-run -d 'Show the authorize URL parameters and the writes, touch nothing'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from setup" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from setup" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from setup" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from setup" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from setup" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from setup" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from add-workspace" -l client-id -d 'OAuth app client id (add-workspace: else the registered app\'s)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from add-workspace" -l callback-url -d 'Registered OAuth callback URL (must equal the app\'s value byte for byte)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from add-workspace" -l timeout -d 'How long to wait for the browser callback (e.g. 300s, 5m)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from add-workspace" -l platform-user-id -d 'Platform user recorded as installer (else the logged-in identity)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from add-workspace" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from add-workspace" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from add-workspace" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from add-workspace" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from add-workspace" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from add-workspace" -l client-secret-stdin -d 'Read the OAuth client secret from stdin (or set BGAGENT_LINEAR_CLIENT_SECRET)'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from add-workspace" -l forget-client -d 'Drop the client id and secret remembered in the OS keychain, then continue'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from add-workspace" -l webhook-secret-stdin -d 'Read the workspace\'s webhook signing secret (lin_wh_…) from stdin (or set BGAGENT_LINEAR_WEBHOOK_SECRET)'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from add-workspace" -l no-browser -d 'Do not open a browser: print the URL and paste back the redirected URL'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from add-workspace" -l no-actor-app -d 'Authorize as the signed-in user instead of installing the app as a workspace bot (no actor=app)'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from add-workspace" -l no-force-consent -d 'Do not force the consent screen (no prompt=consent; an installed app then returns no code)'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from add-workspace" -l force -d 'Proceed although the slug is not the workspace\'s URL key, or the slug\'s secret or the workspace\'s row belongs to another slug/workspace'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from add-workspace" -l dry-run -d 'Show the authorize URL parameters and the writes, touch nothing'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from add-workspace" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from add-workspace" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from add-workspace" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from add-workspace" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from add-workspace" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from add-workspace" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from workspaces" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from workspaces" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from workspaces" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from workspaces" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from workspaces" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from workspaces" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from workspaces" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from workspaces" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from workspaces" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from workspaces" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from workspaces" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from update-webhook-secret" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from update-webhook-secret" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from update-webhook-secret" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from update-webhook-secret" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from update-webhook-secret" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from update-webhook-secret" -l webhook-secret-stdin -d 'Read the webhook signing secret (lin_wh_…) from stdin (or set BGAGENT_LINEAR_WEBHOOK_SECRET)'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from update-webhook-secret" -l dry-run -d 'Show what would be written, touch nothing'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from update-webhook-secret" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from update-webhook-secret" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from update-webhook-secret" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from update-webhook-secret" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from update-webhook-secret" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from update-webhook-secret" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from onboard-project" -l repo -d 'Repository to run tasks in (owner/repo, onboarded and active on the platform)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from onboard-project" -l slug -d 'Workspace the project belongs to (needed when several are registered)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from onboard-project" -l label -d 'Trigger label (default bgagent; kept on re-runs when not given)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from onboard-project" -l team-id -d 'Linear team id to record with the mapping (informational)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from onboard-project" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from onboard-project" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from onboard-project" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from onboard-project" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from onboard-project" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from onboard-project" -l force -d 'Re-point a project that is mapped to another repository'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from onboard-project" -l dry-run -d 'Show the mapping that would be written, touch nothing'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from onboard-project" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from onboard-project" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from onboard-project" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from onboard-project" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from onboard-project" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from onboard-project" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from projects" -l slug -d 'Only this workspace' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from projects" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from projects" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from projects" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from projects" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from projects" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from projects" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from projects" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from projects" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from projects" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from projects" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from projects" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from invite-user" -l ttl -d 'How long the code stays valid (at most 7d)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from invite-user" -l platform-user-id -d 'Platform user recorded as inviter (else the logged-in identity)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from invite-user" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from invite-user" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from invite-user" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from invite-user" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from invite-user" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from invite-user" -l dry-run -d 'Resolve the user and show the invite row, write nothing'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from invite-user" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from invite-user" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from invite-user" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from invite-user" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from invite-user" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from invite-user" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from link" -l platform-user-id -d 'Platform user to link (else the logged-in identity)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from link" -l via -d '`api`: the platform API links the logged-in user (needs `bgagent login`, no AWS credentials); `direct`: one DynamoDB transaction with your AWS credentials [default: api when logged in, else direct]' -r -f -a "api\t''
direct\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from link" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from link" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from link" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from link" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from link" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from link" -l dry-run -d 'Show what would be linked, write nothing'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from link" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from link" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from link" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from link" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from link" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from link" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from remove-workspace" -l recovery-days -d 'Recovery window of the deleted bundle, in days (7 to 30)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from remove-workspace" -l platform-user-id -d 'Platform user recorded as remover (else the logged-in identity)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from remove-workspace" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from remove-workspace" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from remove-workspace" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from remove-workspace" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from remove-workspace" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from remove-workspace" -l purge -d 'Also delete the registry row (after the bundle\'s deletion succeeded)'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from remove-workspace" -l force-delete -d 'Delete the bundle immediately, without a recovery window (IRREVERSIBLE; the slug can be set up again at once)'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from remove-workspace" -l dry-run -d 'Show what would change, write nothing'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from remove-workspace" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from remove-workspace" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from remove-workspace" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from remove-workspace" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from remove-workspace" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from remove-workspace" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from doctor" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from doctor" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from doctor" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from doctor" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from doctor" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from doctor" -l verify-refresh -d 'Also refresh the token once; this ROTATES the refresh token (the new one is stored)'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from doctor" -l skip-webhook-probe -d 'Do not POST the signed probe to the webhook receiver (reported as skipped)'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from doctor" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from doctor" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from doctor" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from doctor" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from doctor" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from doctor" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from help" -f -a "app-template" -d 'Print what to enter in Linear\'s OAuth application form (offline)'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from help" -f -a "webhook-info" -d 'Print where and how to create the Linear webhook'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from help" -f -a "setup" -d 'Install the OAuth app in a Linear workspace (actor=app) and register it with the platform'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from help" -f -a "add-workspace" -d 'Install the already-registered OAuth app in a further Linear workspace'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from help" -f -a "workspaces" -d 'List registered Linear workspaces'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from help" -f -a "update-webhook-secret" -d 'Replace a workspace\'s webhook signing secret (its bundle only; the stack-wide fallback is untouched)'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from help" -f -a "onboard-project" -d 'Map a Linear project to a repository'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from help" -f -a "projects" -d 'List the projects of the registered workspaces, with their mappings'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from help" -f -a "invite-user" -d 'Create a one-time code that links a Linear user to a teammate\'s platform account'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from help" -f -a "link" -d 'Redeem a one-time code: bind its Linear user to your platform account'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from help" -f -a "remove-workspace" -d 'Take a workspace out of service: revoke its registry row, delete its bundle, optionally the row'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from help" -f -a "doctor" -d 'Check the trigger chain of a workspace and name the fix for every broken link'
complete -c bgagent -n "__fish_bgagent_using_subcommand linear; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bgagent -n "__fish_bgagent_using_subcommand configure" -l api-url -d 'Platform REST API URL, with its stage (the stack\'s `ApiUrl` output, e.g. https://…/v1/)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand configure" -l registry-api-url -d 'Registry API URL (the stack\'s optional `RegistryApiUrl` output)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand configure" -l user-pool-id -d 'Cognito user pool id, `<region>_<id>` (the stack\'s `UserPoolId` output)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand configure" -l client-id -d 'Cognito app client id (the stack\'s `AppClientId` output)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand configure" -l from-bundle -d 'Configuration bundle from an admin: base64 of {api_url, region, user_pool_id, client_id}' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand configure" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand configure" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand configure" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand configure" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand configure" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand configure" -l no-stack -d 'Do not read the stack\'s outputs: use only the flags and the existing config.json'
complete -c bgagent -n "__fish_bgagent_using_subcommand configure" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand configure" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand configure" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand configure" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand configure" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand configure" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand login" -l username -d 'Cognito username (usually your email); prompted when absent' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand login" -l mfa-code -d 'MFA code (authenticator app or SMS) when the pool asks for one; prompted when absent' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand login" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand login" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand login" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand login" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand login" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand login" -l password-stdin -d 'Read the password from stdin, one line (or set BGAGENT_PASSWORD; else a masked prompt)'
complete -c bgagent -n "__fish_bgagent_using_subcommand login" -l new-password-stdin -d 'When Cognito asks for a new password (first login of an invited user), read it from stdin (after the password line with --password-stdin; or set BGAGENT_NEW_PASSWORD)'
complete -c bgagent -n "__fish_bgagent_using_subcommand login" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand login" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand login" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand login" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand login" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand login" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand logout" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand logout" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand logout" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand logout" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand logout" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand logout" -l everywhere -d 'Also revoke the refresh token at Cognito (signs this user out on every device)'
complete -c bgagent -n "__fish_bgagent_using_subcommand logout" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand logout" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand logout" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand logout" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand logout" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand logout" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand whoami" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand whoami" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand whoami" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand whoami" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand whoami" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand whoami" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand whoami" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand whoami" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand whoami" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand whoami" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand whoami" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand approve" -l scope -d 'How far the approval reaches: this_call, tool_type_session, tool_group_session, all_session (needs --yes), tool_type:<Bash|Read|Write|Edit|Glob|Grep|WebFetch|Task>, tool_group:file_write, bash_pattern:<glob>, write_path:<glob>, rule:<rule-id> (≤ 128 chars)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand approve" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand approve" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand approve" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand approve" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand approve" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand approve" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand approve" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand approve" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand approve" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand approve" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand approve" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand deny" -l reason -d 'Why (shown to the agent; at most 2000 characters)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand deny" -l reason-file -d 'Read the reason from a file (UTF-8)' -r -F
complete -c bgagent -n "__fish_bgagent_using_subcommand deny" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand deny" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand deny" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand deny" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand deny" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand deny" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand deny" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand deny" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand deny" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand deny" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand deny" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand pending" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand pending" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand pending" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand pending" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand pending" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand pending" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand pending" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand pending" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand pending" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand pending" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand pending" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and not __fish_seen_subcommand_from list show help" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and not __fish_seen_subcommand_from list show help" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and not __fish_seen_subcommand_from list show help" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and not __fish_seen_subcommand_from list show help" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and not __fish_seen_subcommand_from list show help" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and not __fish_seen_subcommand_from list show help" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and not __fish_seen_subcommand_from list show help" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and not __fish_seen_subcommand_from list show help" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and not __fish_seen_subcommand_from list show help" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and not __fish_seen_subcommand_from list show help" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and not __fish_seen_subcommand_from list show help" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and not __fish_seen_subcommand_from list show help" -f -a "list" -d 'List a repository\'s Cedar rules (hard-deny and soft-deny)'
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and not __fish_seen_subcommand_from list show help" -f -a "show" -d 'Show one rule of a repository'
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and not __fish_seen_subcommand_from list show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and __fish_seen_subcommand_from list" -l repo -d 'Repository (owner/repo)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and __fish_seen_subcommand_from list" -l tier -d 'Only this tier' -r -f -a "hard\t''
soft\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and __fish_seen_subcommand_from list" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and __fish_seen_subcommand_from list" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and __fish_seen_subcommand_from list" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and __fish_seen_subcommand_from list" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and __fish_seen_subcommand_from list" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and __fish_seen_subcommand_from list" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and __fish_seen_subcommand_from show" -l repo -d 'Repository (owner/repo)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and __fish_seen_subcommand_from show" -l rule -d 'Rule id (from `bgagent policies list`)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and __fish_seen_subcommand_from show" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and __fish_seen_subcommand_from show" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and __fish_seen_subcommand_from show" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and __fish_seen_subcommand_from show" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and __fish_seen_subcommand_from show" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and __fish_seen_subcommand_from show" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and __fish_seen_subcommand_from help" -f -a "list" -d 'List a repository\'s Cedar rules (hard-deny and soft-deny)'
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one rule of a repository'
complete -c bgagent -n "__fish_bgagent_using_subcommand policies; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bgagent -n "__fish_bgagent_using_subcommand completions" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand completions" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand completions" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand completions" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand completions" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand completions" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand completions" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand completions" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand completions" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand completions" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand completions" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and not __fish_seen_subcommand_from jira linear configure login logout whoami approve deny pending policies completions help" -f -a "jira" -d 'Connect and manage a Jira Cloud site'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and not __fish_seen_subcommand_from jira linear configure login logout whoami approve deny pending policies completions help" -f -a "linear" -d 'Connect and manage Linear workspaces'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and not __fish_seen_subcommand_from jira linear configure login logout whoami approve deny pending policies completions help" -f -a "configure" -d 'Write the platform config (config.json) from the stack\'s outputs, an admin\'s bundle, or flags'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and not __fish_seen_subcommand_from jira linear configure login logout whoami approve deny pending policies completions help" -f -a "login" -d 'Log in to the platform (Cognito user pool); writes credentials.json'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and not __fish_seen_subcommand_from jira linear configure login logout whoami approve deny pending policies completions help" -f -a "logout" -d 'Remove the login (--everywhere also revokes it at Cognito)'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and not __fish_seen_subcommand_from jira linear configure login logout whoami approve deny pending policies completions help" -f -a "whoami" -d 'Show the login (user, sub, email, token expiry) and the platform config'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and not __fish_seen_subcommand_from jira linear configure login logout whoami approve deny pending policies completions help" -f -a "approve" -d 'Approve a pending Cedar HITL gate of a task (see `bgagent pending`)'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and not __fish_seen_subcommand_from jira linear configure login logout whoami approve deny pending policies completions help" -f -a "deny" -d 'Deny a pending Cedar HITL gate of a task'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and not __fish_seen_subcommand_from jira linear configure login logout whoami approve deny pending policies completions help" -f -a "pending" -d 'List the approvals waiting for you, with the command to approve or deny each'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and not __fish_seen_subcommand_from jira linear configure login logout whoami approve deny pending policies completions help" -f -a "policies" -d 'Show a repository\'s Cedar approval rules'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and not __fish_seen_subcommand_from jira linear configure login logout whoami approve deny pending policies completions help" -f -a "completions" -d 'Print shell completions'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and not __fish_seen_subcommand_from jira linear configure login logout whoami approve deny pending policies completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and __fish_seen_subcommand_from jira" -f -a "app-template" -d 'Print what to enter in the Atlassian developer console (offline)'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and __fish_seen_subcommand_from jira" -f -a "setup" -d 'Log in to Atlassian (OAuth 3LO + PKCE) and register the Jira site as the platform\'s tenant'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and __fish_seen_subcommand_from jira" -f -a "update-webhook-secret" -d 'Replace the webhook signing secret of a tenant (tenant bundle and stack-wide verifier)'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and __fish_seen_subcommand_from jira" -f -a "tenants" -d 'List registered Jira tenants'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and __fish_seen_subcommand_from jira" -f -a "map" -d 'Map a Jira project to a repository'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and __fish_seen_subcommand_from jira" -f -a "unmap" -d 'Stop routing a Jira project (sets status=removed, keeps the row)'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and __fish_seen_subcommand_from jira" -f -a "projects" -d 'List project mappings'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and __fish_seen_subcommand_from jira" -f -a "invite-user" -d 'Create a one-time code that links a Jira account to a teammate\'s platform account'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and __fish_seen_subcommand_from jira" -f -a "link" -d 'Redeem a one-time code: bind its Jira account to your platform account'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and __fish_seen_subcommand_from jira" -f -a "users" -d 'List linked Jira accounts and open invites of a tenant'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and __fish_seen_subcommand_from jira" -f -a "unlink" -d 'Remove the link of a Jira account'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and __fish_seen_subcommand_from jira" -f -a "app-setup" -d 'Make the Jira Forge app (signed web-trigger proxy) the writer of the agent\'s comments and transitions'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and __fish_seen_subcommand_from jira" -f -a "cr" -d 'Change-request approval gate for CI: check an issue\'s approval; make and use approval-signing keys'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and __fish_seen_subcommand_from jira" -f -a "doctor" -d 'Check the whole trigger chain of a tenant and name the fix for every broken link'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and __fish_seen_subcommand_from jira" -f -a "webhook" -d 'The Jira webhook receiver'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and __fish_seen_subcommand_from jira" -f -a "revoke" -d 'Take a tenant out of service (registry status=revoked; optionally delete its bundle)'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and __fish_seen_subcommand_from linear" -f -a "app-template" -d 'Print what to enter in Linear\'s OAuth application form (offline)'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and __fish_seen_subcommand_from linear" -f -a "webhook-info" -d 'Print where and how to create the Linear webhook'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and __fish_seen_subcommand_from linear" -f -a "setup" -d 'Install the OAuth app in a Linear workspace (actor=app) and register it with the platform'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and __fish_seen_subcommand_from linear" -f -a "add-workspace" -d 'Install the already-registered OAuth app in a further Linear workspace'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and __fish_seen_subcommand_from linear" -f -a "workspaces" -d 'List registered Linear workspaces'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and __fish_seen_subcommand_from linear" -f -a "update-webhook-secret" -d 'Replace a workspace\'s webhook signing secret (its bundle only; the stack-wide fallback is untouched)'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and __fish_seen_subcommand_from linear" -f -a "onboard-project" -d 'Map a Linear project to a repository'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and __fish_seen_subcommand_from linear" -f -a "projects" -d 'List the projects of the registered workspaces, with their mappings'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and __fish_seen_subcommand_from linear" -f -a "invite-user" -d 'Create a one-time code that links a Linear user to a teammate\'s platform account'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and __fish_seen_subcommand_from linear" -f -a "link" -d 'Redeem a one-time code: bind its Linear user to your platform account'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and __fish_seen_subcommand_from linear" -f -a "remove-workspace" -d 'Take a workspace out of service: revoke its registry row, delete its bundle, optionally the row'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and __fish_seen_subcommand_from linear" -f -a "doctor" -d 'Check the trigger chain of a workspace and name the fix for every broken link'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and __fish_seen_subcommand_from policies" -f -a "list" -d 'List a repository\'s Cedar rules (hard-deny and soft-deny)'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and __fish_seen_subcommand_from policies" -f -a "show" -d 'Show one rule of a repository'
