using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace AslSweep.Cluster;

/// <summary>
/// Mutual TLS between silos and clients with one cluster certificate (a PKCS#12 file): every connection presents
/// it and accepts a peer whose certificate is either trusted by the system or is that same certificate (so a
/// self-signed cluster certificate works without installing it anywhere).
/// </summary>
public static class ClusterTls
{
    /// <summary>Loads the certificate; throws <see cref="CryptographicException"/> or <see cref="IOException"/> with the path.</summary>
    public static X509Certificate2 Load(string path, string? password)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new IOException($"{path}: no such certificate file");
        }

        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            return certificate.HasPrivateKey ? certificate : throw new CryptographicException($"{path}: the certificate has no private key");
        }
        catch (CryptographicException e)
        {
            throw new CryptographicException($"{path}: cannot read the certificate (wrong password or not PKCS#12): {e.Message}", e);
        }
    }

    /// <summary>Sets <paramref name="options"/> for mutual TLS with <paramref name="certificate"/>.</summary>
    public static void Configure(TlsOptions options, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(certificate);
        options.LocalCertificate = certificate;
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.RemoteCertificateValidation = (remote, _, errors) =>
            errors == SslPolicyErrors.None || (remote is not null && remote.RawData.AsSpan().SequenceEqual(certificate.RawData));
        string host = certificate.GetNameInfo(X509NameType.DnsName, forIssuer: false);
        options.OnAuthenticateAsClient = (_, ssl) => ssl.TargetHost = host;
    }
}
