using System.Buffers.Binary;
using SigmoidService.Inference.Digits;
using SkiaSharp;

namespace SigmoidService.Inference.Tests.Digits;

/// <summary>Builds and reads test images: sample files, encoded bitmaps and hand-written headers.</summary>
internal static class TestImages
{
    public static byte[] Read(string fileName) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Images", fileName));

    /// <summary>Encodes greyscale pixels in [0, 1] (row-major) in the given format.</summary>
    public static byte[] Encode(float[] pixels, int width, int height, SKEncodedImageFormat format, int quality = 100)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var bytes = bitmap.GetPixelSpan();
        for (var i = 0; i < width * height; i++)
        {
            var level = (byte)Math.Round(Math.Clamp(pixels[i], 0f, 1f) * 255f);
            bytes[(i * 4) + 0] = level;
            bytes[(i * 4) + 1] = level;
            bytes[(i * 4) + 2] = level;
            bytes[(i * 4) + 3] = 255;
        }

        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    /// <summary>
    /// Places a small greyscale image on a larger canvas at an offset, scaled up by an integer factor with
    /// each source pixel drawn as a square block, and optionally inverted to dark ink on light paper.
    /// </summary>
    public static GreyImage Place(float[] pixels, int width, int height, int canvasWidth, int canvasHeight, int left, int top, int factor, bool darkOnLight)
    {
        var canvas = new float[canvasWidth * canvasHeight];
        var background = darkOnLight ? 1f : 0f;
        Array.Fill(canvas, background);
        for (var y = 0; y < height * factor; y++)
        {
            for (var x = 0; x < width * factor; x++)
            {
                var value = pixels[((y / factor) * width) + (x / factor)];
                canvas[((top + y) * canvasWidth) + left + x] = darkOnLight ? 1f - value : value;
            }
        }

        return new GreyImage(canvasWidth, canvasHeight, canvas);
    }

    /// <summary>
    /// A PNG whose IHDR chunk declares the given size, followed by a 16-byte IDAT chunk and IEND: under
    /// 80 bytes, far too little for the pixels it claims.
    /// </summary>
    public static byte[] PngHeader(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 0; // greyscale

        var png = new List<byte> { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A };
        AddChunk(png, "IHDR"u8, header);
        AddChunk(png, "IDAT"u8, new byte[16]);
        AddChunk(png, "IEND"u8, []);
        return [.. png];
    }

    private static void AddChunk(List<byte> png, ReadOnlySpan<byte> type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.AddRange(length);

        byte[] typeAndData = [.. type, .. data];
        png.AddRange(typeAndData);

        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        png.AddRange(crc);
    }

    /// <summary>A 24-bit BMP file header and BITMAPINFOHEADER that declare the given size, with no pixel data.</summary>
    public static byte[] BmpHeader(int width, int height)
    {
        var bmp = new byte[54];
        "BM"u8.CopyTo(bmp);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(2), 54);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), height);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(28), 24);
        return bmp;
    }

    /// <summary>The CRC-32 of PNG chunks (ISO 3309, polynomial 0xEDB88320), bit by bit.</summary>
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var value in data)
        {
            crc ^= value;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
