<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>main</name>
    <message>
        <source>Active subscription: %1</source>
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
        <source>About Tenantry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tenantry %1&lt;/h3&gt;&lt;p&gt;Your Azure accounts, tenants and subscriptions, shared with the Azure CLI and other tools.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token on the clipboard, cleared in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenantry::SettingsDialog</name>
    <message>
        <source>Tenantry Settings</source>
        <translation type="unfinished"></translation>
    </message>
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
        <source>Copy &amp;token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom scope…</source>
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
