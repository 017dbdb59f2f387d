using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AslSweep.Tests.Shared;

namespace AslSweep.Client.Tests.Cluster;

/// <summary>
/// A real silo process with mutual TLS on a freshly generated self-signed certificate: a client with the same
/// certificate works, a client without TLS or with another certificate cannot get in.
/// </summary>
public sealed class TlsTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A self-signed certificate for localhost usable by servers and clients, as a PKCS#12 file.</summary>
    private string Certificate(string name, string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        string path = _temp.File(name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }

    [Fact]
    public void Silo_withTls_acceptsOnlyClientsWithTheClusterCertificate()
    {
        string cluster = Certificate("cluster.pfx", "s3cret");
        string other = Certificate("other.pfx", "other");
        int gateway = FreePorts.Next();
        using var silo = AslSweepProcess.StartSilo(
            "--AslSweep:Silo:Name=tls",
            $"--AslSweep:Silo:SiloPort={FreePorts.Next()}",
            $"--AslSweep:Silo:GatewayPort={gateway}",
            $"--AslSweep:Silo:TlsCertificate={cluster}",
            "--AslSweep:Silo:TlsCertificatePassword=s3cret",
            $"--AslSweep:Workers:CheckpointRoot={_temp.File("checkpoints")}",
            $"--Urls=http://127.0.0.1:{FreePorts.Next()}");
        silo.WaitForLine("registered 1 workers", Limit);

        var withCertificate = AslSweepProcess.Run(Limit, "status", "--gateway", $"127.0.0.1:{gateway}", "--tls-cert", cluster, "--tls-password", "s3cret");
        var plain = AslSweepProcess.Run(Limit, "status", "--gateway", $"127.0.0.1:{gateway}");
        var stranger = AslSweepProcess.Run(Limit, "status", "--gateway", $"127.0.0.1:{gateway}", "--tls-cert", other, "--tls-password", "other");
        var wrongPassword = AslSweepProcess.Run(Limit, "status", "--gateway", $"127.0.0.1:{gateway}", "--tls-cert", cluster, "--tls-password", "nope");

        Assert.True(withCertificate.ExitCode == 0, withCertificate.ToString());
        Assert.Contains("tls/cpu/0", withCertificate.Output, StringComparison.Ordinal);
        Assert.Equal(3, plain.ExitCode);
        Assert.Equal(3, stranger.ExitCode);
        Assert.Equal(2, wrongPassword.ExitCode);
        Assert.Contains("--tls-cert: ", wrongPassword.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Silo_withUnreadableCertificate_namesTheSettingAndExits2()
    {
        string bad = _temp.Write("bad.pfx", "not a certificate");

        var result = AslSweepProcess.RunSilo(Limit, new Dictionary<string, string>(), "--check-config", $"--AslSweep:Silo:TlsCertificate={bad}");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"error: AslSweep:Silo:TlsCertificate: {bad}: cannot read the certificate", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }
}
