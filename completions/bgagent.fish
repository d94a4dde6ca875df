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
complete -c bgagent -n "__fish_bgagent_needs_command" -f -a "completions" -d 'Print shell completions'
complete -c bgagent -n "__fish_bgagent_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink help" -l region -d 'AWS region (else the standard AWS chain, else `region` in the config dir\'s config.json)' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink help" -l profile -d 'AWS shared-config profile' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink help" -l stack-name -d 'CloudFormation stack of the platform' -r
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink help" -l output -d 'Output format; json prints one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink help" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink help" -s q -l quiet -d 'Only print errors and warnings'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink help" -s v -l verbose -d 'Print each AWS and Atlassian call as it happens'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink help" -s y -l yes -d 'Accept confirmations without asking'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink help" -l no-cache -d 'Read the platform stack\'s outputs live instead of from the cache in the config dir'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink help" -s h -l help -d 'Print help'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink help" -s V -l version -d 'Print version'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink help" -f -a "app-template" -d 'Print what to enter in the Atlassian developer console (offline)'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink help" -f -a "setup" -d 'Log in to Atlassian (OAuth 3LO + PKCE) and register the Jira site as the platform\'s tenant'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink help" -f -a "update-webhook-secret" -d 'Replace the webhook signing secret of a tenant (tenant bundle and stack-wide verifier)'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink help" -f -a "tenants" -d 'List registered Jira tenants'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink help" -f -a "map" -d 'Map a Jira project to a repository'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink help" -f -a "unmap" -d 'Stop routing a Jira project (sets status=removed, keeps the row)'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink help" -f -a "projects" -d 'List project mappings'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink help" -f -a "invite-user" -d 'Create a one-time code that links a Jira account to a teammate\'s platform account'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink help" -f -a "link" -d 'Redeem a one-time code: bind its Jira account to your platform account'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink help" -f -a "users" -d 'List linked Jira accounts and open invites of a tenant'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink help" -f -a "unlink" -d 'Remove the link of a Jira account'
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and not __fish_seen_subcommand_from app-template setup update-webhook-secret tenants map unmap projects invite-user link users unlink help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
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
complete -c bgagent -n "__fish_bgagent_using_subcommand jira; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
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
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and not __fish_seen_subcommand_from jira completions help" -f -a "jira" -d 'Connect and manage a Jira Cloud site'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and not __fish_seen_subcommand_from jira completions help" -f -a "completions" -d 'Print shell completions'
complete -c bgagent -n "__fish_bgagent_using_subcommand help; and not __fish_seen_subcommand_from jira completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
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
