<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AuthorizationResponse</name>
    <message>
        <source>The identity provider&apos;s sign-in response could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::AboutDialog</name>
    <message>
        <source>About Tenantry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenantry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenantry shows the Azure accounts, tenants and subscriptions you are signed in to, and shares its sign-ins with the Azure CLI and other tools on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain only: Tenantry writes no tokens to a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain and file: the tokens are in the system keychain and in the token cache file, for az and other tools.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by TENANTRY_STORAGE_MODE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token storage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token cache file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The debugger output (DebugView), not a file.
More detail: QT_LOGGING_RULES=&quot;tenantry.*=true&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard error, not a file: the terminal Tenantry was started from, else the unified log (Console).
More detail: QT_LOGGING_RULES=&quot;tenantry.*=true&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard error, not a file: the terminal Tenantry was started from, or the desktop session&apos;s log:
journalctl --user (or ~/.xsession-errors)
More detail: QT_LOGGING_RULES=&quot;tenantry.*=true&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MIT License</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::AccountActions</name>
    <message>
        <source>Make &amp;active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make this the subscription az and other tools use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy an access token for this tenant to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with a c&amp;ode…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out of tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this tenant&apos;s tokens and subscriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out of &amp;account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this account&apos;s tokens and subscriptions, for az too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find this account&apos;s tenants and subscriptions again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in to tenant…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose &amp;tenants…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose which of this account&apos;s tenants Tenantry shows and keeps signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a &amp;terminal here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a terminal in which az and other tools use this subscription; other terminals keep the active one</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::AccountDetailsPanel</name>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an account, a tenant or a subscription to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (in %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscription ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token expires:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenants:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired or revoked: sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in; tokens renew on use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::AccountDirectory</name>
    <message>
        <source>The sign-in expired or was revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::AccountTreeModel</name>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs sign-in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>renews on use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired — renews on use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n tenant(s)</source>
        <translation>
            <numerusform>%n tenant</numerusform>
            <numerusform>%n tenants</numerusform>
        </translation>
    </message>
    <message>
        <source>Active (az uses it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account / tenant / subscription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token expires in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in through the broker az uses (Web Account Manager on Windows): Tenantry uses the tokens az cached, and az renews them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in through the broker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired — az renews it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::AccountsController</name>
    <message numerus="yes">
        <source>Refreshed %1: %n subscription(s).</source>
        <translation>
            <numerusform>Refreshed %1: %n subscription.</numerusform>
            <numerusform>Refreshed %1: %n subscriptions.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed out %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Added %n subscription(s) to the Azure CLI&apos;s list: %1.</source>
        <translation>
            <numerusform>Added %n subscription to the Azure CLI&apos;s list: %1.</numerusform>
            <numerusform>Added %n subscriptions to the Azure CLI&apos;s list: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n subscription(s) from the Azure CLI&apos;s list: %1.</source>
        <translation>
            <numerusform>Removed %n subscription from the Azure CLI&apos;s list: %1.</numerusform>
            <numerusform>Removed %n subscriptions from the Azure CLI&apos;s list: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>No subscription is active any more: %1 is no longer listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now the active subscription, as none was active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now the active subscription: %2 is no longer listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The active subscription is still %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::AccountsFilterBar</name>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by account, tenant or subscription name or ID (%1, or just type)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter accounts, tenants and subscriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account, tenant or subscription matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::AccountsView</name>
    <message>
        <source>Accounts, tenants and subscriptions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::AppSettings</name>
    <message>
        <source>TENANTRY_STORAGE_MODE is neither &quot;keychain-only&quot; nor &quot;keychain-and-file&quot;; the storage setting is used.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::ArmClient</name>
    <message>
        <source>Azure Resource Manager answered HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure Resource Manager sent an unreadable answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure Resource Manager sent a list that is not a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure Resource Manager sent an unreadable next page link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure Resource Manager pointed the next page to another host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure Resource Manager listed more than %1 entries; the rest was not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure Resource Manager listed more than %1 pages; the rest was not read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::AtomicFile</name>
    <message>
        <source>Cannot write %1: it is not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: cannot create a temporary file in %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot set its permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flushing to disk failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: closing failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot replace %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::AuthCodeFlow</name>
    <message>
        <source>No browser is available for the sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in did not come back from the browser within %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in response did not belong to this sign-in (state mismatch).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity provider&apos;s answer failed the nonce check; the sign-in was not accepted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::AuthorityDiscovery</name>
    <message>
        <source>&apos;%1&apos; is not a tenant %2 knows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the sign-in configuration of tenant &apos;%1&apos; from %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in configuration of &apos;%1&apos; is unusable: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its device authorization endpoint is on %1, not on %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::AutostartEntry</name>
    <message>
        <source>Azure accounts, tenants and subscriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not change the Run key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::AzureCliState</name>
    <message>
        <source>Cloud &apos;%1&apos; is not registered (built in: AzureCloud, AzureChinaCloud, AzureUSGovernment; others come from clouds.config).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscription &apos;%1&apos; not found. Check the spelling and casing and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiple subscriptions with the name &apos;%1&apos; found. Specify the subscription ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subscription of &apos;%1&apos; %2 in cloud &apos;%3&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>doesn&apos;t exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has more than one match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subscription &apos;%1&apos; is not in %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::AzureConfigDir</name>
    <message>
        <source>it is owned by another user (uid %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its group can write to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>everyone can write to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the Azure configuration directory %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>something else is there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the Azure configuration directory %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::AzureProfile</name>
    <message>
        <source>Cannot keep a backup of %1: too many backups already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the top level is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Azure CLI profile %1 cannot be read: %2. It is left as it is and will be kept as a .bak copy before it is next written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not writing %1: it could not be read, and writing it would lose its content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not writing %1: could not keep a backup of it first (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No subscription is the default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> in cloud &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subscription of &apos;%1&apos; %2%3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>doesn&apos;t exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has more than one match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the Azure CLI profile %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;subscriptions&quot; is not a list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::AzureProfileFile</name>
    <message>
        <source>The Azure CLI profile %1 was not changed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the Azure CLI profile %1: %2. Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Azure CLI profile %1 was not changed: another program kept rewriting it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::BoundedFileRead</name>
    <message>
        <source>it is larger than %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::CacheTreeModel</name>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
    <message>
        <source>App / account / token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account (the app&apos;s own tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renews the access tokens until it is revoked or unused for 90 days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::CacheWindow</name>
    <message numerus="yes">
        <source>Remove every token %1 holds for %2 (%n token(s))?</source>
        <translation>
            <numerusform>Remove every token %1 holds for %2 (%n token)?</numerusform>
            <numerusform>Remove every token %1 holds for %2 (%n tokens)?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove every token %1 holds, for all of its %n account(s)?</source>
        <translation>
            <numerusform>Remove every token %1 holds, for its %n account?</numerusform>
            <numerusform>Remove every token %1 holds, for all of its %n accounts?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n token(s).</source>
        <translation>
            <numerusform>Removed %n token.</numerusform>
            <numerusform>Removed %n tokens.</numerusform>
        </translation>
    </message>
    <message>
        <source>It is removed from the shared token cache %1, from Tenantry&apos;s keychain copy and from any backup copy that holds it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They are removed from the shared token cache %1, from Tenantry&apos;s keychain copy and from any backup copy that holds them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove &amp;token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the app&apos;s tokens for this &amp;account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the app&apos;s tokens for a&amp;ll accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared Token Cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tokens that az, Azure PowerShell, Visual Studio Code, Tenantry and other tools share in %1, app by app. No token itself is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 gets a new one with its refresh token where it still holds one; where it does not, %1 will have to sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 will have to sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenantry signs in as %1 too, so this applies to Tenantry as well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s %2 for %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the tenant %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(scopes: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this token?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account stays for the other apps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1&apos;s tokens for %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The accounts stay for the other apps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove all of %1&apos;s tokens?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to remove: another program removed it already.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::CachedTokenLookup</name>
    <message>
        <source>User &apos;%1&apos; is not signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No valid access token for &apos;%1&apos; in tenant %2 is cached.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::CloudConfig</name>
    <message>
        <source>The cloud &apos;%1&apos; is not registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subscription &apos;%1&apos; of cloud &apos;%2&apos; cannot be written to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an absolute URL with a host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authorities must use https, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authorities must use https; http is allowed only for loopback hosts (localhost, 127.0.0.0/8, ::1), not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::ContextAz</name>
    <message>
        <source>%1 is not a subscription context of this user (contexts are removed once the shell they were made for has ended).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Azure CLI (az) was not found on PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is missing: no account is signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot make the mounts of az&apos;s namespace private: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot put the context&apos;s azureProfile.json in place of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A subscription for one shell needs Linux&apos;s user namespaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kernel does not let this user create a user namespace (%1), which a subscription for one shell needs. On Ubuntu 23.10 and later AppArmor restricts them (sysctl kernel.apparmor_restrict_unprivileged_userns); containers often forbid them too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kernel refuses another user namespace (%1): see sysctl user.max_user_namespaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kernel refuses a user namespace (%1), which a subscription for one shell needs.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::CopiedTokenReminder</name>
    <message>
        <source>A copied token expires soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The token you copied (%1) expires in %n minute(s).</source>
        <translation>
            <numerusform>The token you copied (%1) expires in %n minute.</numerusform>
            <numerusform>The token you copied (%1) expires in %n minutes.</numerusform>
        </translation>
    </message>
    <message>
        <source>The token you copied (%1) has expired.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::CopyTokenDialog</name>
    <message>
        <source>Copy Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. api://my-app/.default or https://myapp.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &amp;token alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As an “Authorization: &amp;Bearer …” header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting a token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token: %1
Sign in to this tenant first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscription:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::DesktopApp</name>
    <message>
        <source>The Azure CLI configuration in %1 cannot be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in cancelled; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in did not complete: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Signed in as %1: %n subscription(s).</source>
        <translation>
            <numerusform>Signed in as %1: %n subscription.</numerusform>
            <numerusform>Signed in as %1: %n subscriptions.</numerusform>
        </translation>
    </message>
    <message>
        <source>Active subscription: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out of %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenantry, az and other tools that share the token cache will no longer use %1&apos;s tokens for the tenant %2, and its subscriptions are removed from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenantry uses the new cloud setting from its next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tokens of %1 are removed from this computer — for az and other tools that share the token cache too — together with its subscriptions. Other accounts are not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account&apos;s refresh token can still reach this tenant until you sign out of the account itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure CLI subscriptions changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out everywhere?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every account&apos;s tokens are removed from this computer: from Tenantry&apos;s keychain item and from the Azure CLI&apos;s token cache %1 and its backup copies, which az, Azure PowerShell, VS Code and other tools share. The list of subscriptions az knows (azureProfile.json) is emptied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afterwards az and those tools need a new sign-in (az login), and so does Tenantry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out everywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not everything could be removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out everywhere: no account&apos;s tokens are left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No terminal was found. Set the TERMINAL environment variable to your terminal program, or install one (x-terminal-emulator, gnome-terminal, konsole, xfce4-terminal or xterm).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The terminal %1 could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened a terminal in which az uses the subscription %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::DeviceCodeDialog</name>
    <message>
        <source>Sign in with a code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On this or any other device, open the page below, enter the code and sign in with your work or school account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in your web browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for you to finish signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter this code only if you started this sign-in from Tenantry just now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code belongs to %1: enter it only on the page linked above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If someone sent you this code or asked you to enter it, cancel: the code would give them access to your account.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::DeviceCodeFlow</name>
    <message>
        <source>The code %1 expired before the sign-in was completed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in was declined.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::EmbeddedSignInDialog</name>
    <message>
        <source>Sign in to Azure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site you are signing in to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in did not complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in page of %1 could not be loaded: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the sign-in page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure connection to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unencrypted connection to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::EmbeddedSignInLoader</name>
    <message>
        <source>%1 is not Tenantry&apos;s sign-in plugin</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::EntraError</name>
    <message>
        <source>This tenant asks for multi-factor authentication: sign in to it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This tenant asks you to set up multi-factor authentication: sign in to it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The multi-factor authentication for this tenant has expired: sign in to it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Conditional Access policy of this tenant blocked the sign-in; its administrator can say why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This tenant allows access only from a device it manages and finds compliant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in has expired or was revoked: sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app has no consent in this tenant: sign in and accept, or ask its administrator to consent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent the app asked for was declined; nothing was signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is not a user of this tenant, nor a guest in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This tenant does not know the app that signs in; its administrator may have removed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the sign-in to be finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The browser had no sign-in for this account: sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name or password is not right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity provider refused.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::EnvironmentProxies</name>
    <message>
        <source>it is not a proxy address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenantry can use only http:// and socks5:// proxies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unreadable address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 names the proxy %2, which cannot be used: %3. Requests that would go through it fail.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::Error</name>
    <message>
        <source>Cancelled. Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is not signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No subscription found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This tenant asks for an interactive sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in has expired or was revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity provider refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent an answer that could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenantry could not read or write its data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::FileLock</name>
    <message>
        <source>it is not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has other hard links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a symbolic link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it belongs to another user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusing to use the lock file %1: %2. Nothing was written to it; remove it if no program of yours is using it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the lock file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the lock file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot lock the lock file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (held by %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timed out after %1 s waiting for the lock file %2%3; another program is using the token cache</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::GitSetupRow</name>
    <message>
        <source>Set &amp;up git</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds tenantry-cli as git&apos;s credential helper for dev.azure.com and *.visualstudio.com to your global git configuration, in place of any other helper for them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tenantry-cli, which git would run, is not installed beside Tenantry (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking git&apos;s configuration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting up git…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>git&apos;s configuration could not be read or changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>git asks Tenantry for Azure Repos credentials (dev.azure.com, *.visualstudio.com).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>git does not ask Tenantry for Azure Repos credentials.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::HttpClient</name>
    <message>
        <source>%1: the answer is larger than %2; it was not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no complete answer within %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unreadable address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered the sign-in request with a redirect (HTTP %2) to %3; sign-in requests are never redirected, so it was not followed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 redirected the request (HTTP %2) to another server, %3; it was not followed, so no credential was sent there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 redirected the request more than %2 times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 and asked to wait %3 s before trying again, longer than the %4 s Tenantry waits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (through the proxy %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::IniFile</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::Json</name>
    <message>
        <source>it is larger than %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it nests arrays or objects more than %1 levels deep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is not valid JSON (truncated or corrupt)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::KeychainInStepMarker</name>
    <message>
        <source>Cannot delete %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::KeychainStore</name>
    <message>
        <source>read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain item %1 is damaged (its chunk header cannot be read).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain item %1 is inconsistent (its %2 chunks do not add up; a write was probably interrupted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain item %1 is incomplete (chunk %2 of %3 is missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain service answered (%1 has not replied to an earlier request).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain service answered (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain refused access; it may be locked (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain service answered (%1: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain (%1) could not %2 an item: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain (%1) could not delete an item: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain service answered (%1 did not reply within %2 s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain service answered (Tenantry&apos;s keychain module could not be loaded: %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::LaunchOptions</name>
    <message>
        <source>Tenantry: your Azure accounts, tenants and subscriptions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the sign-in in a browser window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to this tenant (ID or domain).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with a code on another device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start in the system tray.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::LoopbackRedirectListener</name>
    <message>
        <source>Cannot listen for the sign-in redirect: other programs hold each port tried on 127.0.0.1 or ::1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen on 127.0.0.1 for the sign-in redirect: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen on ::1 for the sign-in redirect: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open a web browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sign-in is waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in was stopped: a request for a sign-in start page Tenantry never opened reached it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in was stopped: its start page was requested a second time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in was stopped: a sign-in response that does not belong to this sign-in (state mismatch) reached Tenantry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in to Tenantry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can close this window and return to Tenantry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 You can close this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenantry stopped this sign-in because another program may be trying to take it over. Start the sign-in again in Tenantry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another program on this computer may be trying to take over the sign-in. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::MainWindow</name>
    <message>
        <source>Tenantry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with a &amp;browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with a &amp;code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Tenantry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token on the clipboard, cleared in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to another account or tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out everywhere…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove every account&apos;s tokens from this computer, for az and other tools too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See which apps hold tokens for which account, and remove them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared &amp;token cache…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::ManagedIdentityEndpoint</name>
    <message>
        <source>Cannot listen on 127.0.0.1 for the token endpoint: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::MsalCache</name>
    <message>
        <source>the file holds JSON but not a token cache object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its &quot;%1&quot; section is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::MsalCacheFile</name>
    <message>
        <source>Cannot read the token cache file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token cache file %1 cannot be read: %2. It was left as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.bak through %1.bak.%2 all exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot delete the %1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>temporary token cache file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token cache backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token cache file %1 was not changed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>. Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token cache file %1 was not changed: its current content could not be kept aside first (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token cache file %1 was not deleted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token cache file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the token cache backup %1 to see whether it holds a removed account: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::Notifier</name>
    <message>
        <source>%1 needs you to sign in again to use the tenant %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in needed for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in of %1 has expired or was revoked. Sign in again to keep using its tenants.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::ScopeCatalogue</name>
    <message>
        <source>Azure Resource Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft Graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key Vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure DevOps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom scope…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::SettingsDialog</name>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain and Azure CLI files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“Keychain only” keeps no plaintext token cache on disk; az, Azure PowerShell and other tools then cannot use Tenantry&apos;s sign-ins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Storage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A copied token is removed from the clipboard after this time, unless something else was copied meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear clipboard after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as Azure CLI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure (global)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure operated by 21Vianet (China)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure Government (US)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cl&amp;oud:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Startup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Tenantry when I &amp;log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available on this system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;minimized to the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A notification a few minutes before the last token you copied expires, so a script or an API client using it does not fail unexpectedly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remind before a copied token expires:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also copy tokens to the &amp;primary selection (middle-click paste)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A middle click pastes the primary selection into whatever window is under the mouse, so a token there is easily pasted by mistake. Cleared with the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the refresh tokens Tenantry copied into Azure CLI&apos;s file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From now on Tenantry keeps its tokens in the keychain only. Removing them from the plaintext file leaves no copy on disk; az will then need to sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove from the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep the file as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by the environment variable TENANTRY_STORAGE_MODE; unset it to choose here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other tools</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::SignInCoordinator</name>
    <message>
        <source>Opening the sign-in page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking for a sign-in code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in; finding your tenants and subscriptions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in sign-in window is not available (%1). Sign in in your web browser; Tenantry continues when you are done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in sign-in window is not available (%1), nor a web browser: sign in with the code instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for you to enter the code and sign in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::SignInService</name>
    <message>
        <source>Signed in, but the tokens could not be stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was signed out meanwhile; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No subscriptions found for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some tenants need an interactive sign-in first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::SignInWebPage</name>
    <message>
        <source>The sign-in page of %1 was not loaded: its certificate is not trusted (%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::SingleInstance</name>
    <message>
        <source>Cannot reach the running Tenantry (error %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The running Tenantry does not answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen for later launches: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a symbolic link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it belongs to user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its mode is %1, not 0700</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not using %1 for the single-instance socket: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a socket of this user&apos;s; leaving it alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove the stale socket %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not an absolute path</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::SubscriptionContext</name>
    <message>
        <source>%1 is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a directory of this user; contexts are not made there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot make %1 private: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::TenantChoiceController</name>
    <message numerus="yes">
        <source>%1: %n tenant(s) hidden.</source>
        <translation>
            <numerusform>%1: %n tenant hidden.</numerusform>
            <numerusform>%1: %n tenants hidden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You have %n tenant(s). Choose the ones you work in: Tenantry keeps only those signed in and asks you to sign in again only for them.</source>
        <translation>
            <numerusform>You have %n tenant. Choose the ones you work in: Tenantry keeps only those signed in and asks you to sign in again only for them.</numerusform>
            <numerusform>You have %n tenants. Choose the ones you work in: Tenantry keeps only those signed in and asks you to sign in again only for them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tenantry::TenantChoiceDialog</name>
    <message>
        <source>Choose Tenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenants of %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchecked tenants are hidden: Tenantry does not refresh them or ask you to sign in to them, and adds none of their subscriptions to the Azure CLI&apos;s list. Signing in to a tenant checks it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;None</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::TenantDiscovery</name>
    <message>
        <source>Could not list the tenants of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::TokenCacheService</name>
    <message>
        <source>No keychain service answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Keychain-only mode writes no token file: new tokens are kept in memory only until Tenantry quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Tokens are kept in %2 only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain service answered (no keychain support configured).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain item %1 does not hold a token cache Tenantry can read; it will be replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain could not be read (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token cache file %1 was not changed: another program kept rewriting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token cache file %1 could not be read as a token cache; it was kept as %2 and rewritten from the keychain copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 The keychain copy is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 The tokens were saved in the keychain; az and other tools will not see the change until the file can be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token cache was not saved: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token cache could not be saved to the keychain (%1); %2 has the current tokens and the keychain copy is older.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token cache file %1 could not be read as a token cache; it was kept as %2 and replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain item %1 was neither read nor changed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token cache could not be saved to the keychain item %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 The imported tokens are still in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported the tokens in %1 into the keychain. The file was not deleted (az still reads it); delete it if no plaintext tokens should stay on disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot delete the token cache file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 The keychain copy of the tokens, if any, could not be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain item %1 could not be removed (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenantry&apos;s client id is not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>they are not safely in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tokens in %1 were not removed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tokens Tenantry copied into the keychain are still in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1 tokens that the keychain now holds from %2 and deleted %3 backup copies of it; az needs to sign in again for those accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 still holds tokens in plaintext. Tenantry no longer writes it; az still reads it. Delete it if no plaintext tokens should stay on disk.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::TokenClient</name>
    <message>
        <source>the page to enter the code on, &apos;%1&apos;, is not safe: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the page to enter the code on is on %1, which is neither %2 nor a Microsoft device login page; the code was not shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity provider&apos;s answer was not a device code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity provider sent no device code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To sign in, use a web browser to open the page %1 and enter the code %2 to authenticate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start the device code sign-in: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::TokenCopyController</name>
    <message>
        <source>Copied a token for %1, valid until %2. The clipboard is cleared in %3 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied a token for %1, valid until %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token for %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again from the Account menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not copy a token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::TokenGrantResult</name>
    <message>
        <source>The identity provider did not answer (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity provider&apos;s answer was not a token response (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::TokenProvider</name>
    <message>
        <source>No refresh token is cached for %1: sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in of %1 has expired or was revoked: sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in of %1 is held by the broker az signed in with; no valid access token for %2 in tenant %3 is cached, and only az can get a new one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::TrayController</name>
    <message>
        <source>Could not switch the subscription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active subscription changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>az now uses “%1” in %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::TrayMenu</name>
    <message>
        <source>&amp;Show Tenantry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As “Authorization: Bearer” header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenantry
No active subscription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenantry
Subscription: %1
Tenant: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant without subscriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find one of the %1 subscriptions in %2 tenants in Tenantry&apos;s window</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::TrustRoots</name>
    <message>
        <source>it does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it holds no PEM certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 names the CA bundle %2, which cannot be used: %3. No certificate of it is trusted; HTTPS servers are verified against the system&apos;s certificate authorities only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::WebEngineAuthorizationBrowser</name>
    <message>
        <source>Cannot find a free local port for the sign-in redirect: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::WelcomePanel</name>
    <message>
        <source>Sign in to Azure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See every account, tenant and subscription you use with az, Azure PowerShell and VS Code in one place, switch the active subscription and copy tokens. Tokens are kept in your system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with a browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with a code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a code when this computer has no browser, or to sign in on your phone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
