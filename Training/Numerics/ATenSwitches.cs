using System.Runtime.InteropServices;

namespace AslSweep.Training.Numerics;

/// <summary>
/// libtorch's process-wide switches that TorchSharp 0.107 does not bind, called through the C++ symbols that
/// libtorch_cpu.so exports (Itanium ABI: a member function takes <c>this</c> first). libtorch is pinned
/// (Directory.Packages.props), so the symbols are too; a missing one surfaces as <see cref="EntryPointNotFoundException"/>.
/// </summary>
internal static class ATenSwitches
{
    private const string LibTorchCpu = "libtorch_cpu.so";

    /// <summary>oneDNN (and NNPACK) on or off for ATen's operators, like torch.backends.mkldnn.enabled.</summary>
    public static void UseOneDnn(bool enabled)
    {
        IntPtr context = GlobalContext();
        SetUserEnabledMkldnn(context, enabled);

        // NNPACK is never preferred over oneDNN; without oneDNN ATen would try it and print "Could not initialize
        // NNPACK! Reason: Unsupported hardware" on every convolution of a CPU it does not support.
        SetUserEnabledNnpack(context, false);
    }

    /// <summary>Whether ATen may use oneDNN now.</summary>
    public static bool OneDnnEnabled() => UserEnabledMkldnn(GlobalContext());

    /// <summary>
    /// libtorch's oneDNN version text (at::get_mkldnn_version, which returns a std::string: the caller passes
    /// the 32-byte result slot; libstdc++'s layout is pointer, length, then 16 bytes of inline buffer or capacity).
    /// A string longer than 15 characters lives on libtorch's heap and is left there: this runs once per doctor.
    /// </summary>
    public static string OneDnnVersion()
    {
        IntPtr slot = Marshal.AllocHGlobal(32);
        try
        {
            GetMkldnnVersion(slot);
            IntPtr text = Marshal.ReadIntPtr(slot);
            long length = Marshal.ReadInt64(slot, 8);
            return length is > 0 and < 4096 ? Marshal.PtrToStringUTF8(text, (int)length) : "";
        }
        finally
        {
            Marshal.FreeHGlobal(slot);
        }
    }

    /// <summary>Sets a variable in the native environment (getenv sees it; .NET's own copy is not enough).</summary>
    public static void SetNativeEnvironment(string name, string value)
    {
        if (SetEnv(name, value, 1) != 0)
        {
            throw new InvalidOperationException($"setenv({name}) failed");
        }

        Environment.SetEnvironmentVariable(name, value);
    }

    [DllImport(LibTorchCpu, EntryPoint = "_ZN2at13globalContextEv")]
    private static extern IntPtr GlobalContext();

    [DllImport(LibTorchCpu, EntryPoint = "_ZN2at7Context20setUserEnabledMkldnnEb")]
    private static extern void SetUserEnabledMkldnn(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);

    [DllImport(LibTorchCpu, EntryPoint = "_ZN2at7Context20setUserEnabledNNPACKEb")]
    private static extern void SetUserEnabledNnpack(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);

    [DllImport(LibTorchCpu, EntryPoint = "_ZNK2at7Context17userEnabledMkldnnEv")]
    [return: MarshalAs(UnmanagedType.U1)]
    private static extern bool UserEnabledMkldnn(IntPtr context);

    [DllImport(LibTorchCpu, EntryPoint = "_ZN2at18get_mkldnn_versionB5cxx11Ev")]
    private static extern IntPtr GetMkldnnVersion(IntPtr result);

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);
}
