using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Orleans.Connections.Security;

namespace OrleansAssistant.Hosting;

/// <summary>
/// Mutual TLS inside the cluster (<c>Cluster:Tls:*</c>). One certificate per installation: every silo and
/// gateway process presents it, and each side accepts a peer only when the peer presents that very
/// certificate (same SHA-256 thumbprint). Pinning needs no CA, works with a self-signed certificate, and a
/// process without the installation's private key can neither call a grain nor pose as a silo.
/// </summary>
public sealed class ClusterTls
{
    public const string Section = ClusterSettings.Section + ":Tls";

    private readonly byte[] _thumbprint;

    private ClusterTls(X509Certificate2 certificate)
    {
        Certificate = certificate;
        _thumbprint = certificate.GetCertHash(HashAlgorithmName.SHA256);
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>The configured certificate, checked at start; null when TLS is not configured.</summary>
    /// <exception cref="InvalidSettingException">The file is missing, unreadable or has no private key.</exception>
    public static ClusterTls? Read(IConfiguration configuration)
    {
        var pathKey = $"{Section}:CertificatePath";
        if (SettingReader.OptionalText(configuration, pathKey) is not { } path) return null;
        if (!File.Exists(path)) throw new InvalidSettingException(pathKey, $"names no file ('{path}').");
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[$"{Section}:CertificatePassword"]);
        }
        catch (CryptographicException e)
        {
            throw new InvalidSettingException(pathKey, $"could not be read as a PKCS#12 (.pfx) file with the configured password ({e.Message}).");
        }
        if (!certificate.HasPrivateKey) throw new InvalidSettingException(pathKey, "holds no private key; export the .pfx with its key.");
        return new ClusterTls(certificate);
    }

    /// <summary>Both directions require a certificate, and only the installation's own is accepted.</summary>
    public void Apply(TlsOptions options)
    {
        options.LocalCertificate = Certificate;
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        // Chain and name errors are expected for a self-signed certificate; the pin below is the whole check.
        options.RemoteCertificateValidation = (peer, _, _) =>
            peer is not null && CryptographicOperations.FixedTimeEquals(peer.GetCertHash(HashAlgorithmName.SHA256), _thumbprint);
        options.OnAuthenticateAsClient = (_, client) => client.TargetHost = Certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
    }
}
