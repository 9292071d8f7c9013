using System.Collections.Frozen;
using System.IO.Compression;
using System.Runtime.Intrinsics;
using System.Text;

namespace Rapport.Core.Emotions.Model;

/// <summary>
/// A multi-output logistic model over hashed sparse features with int8-quantised weights. Each output has its own
/// decision threshold, tuned when the model was trained (tools/Rapport.Training, docs/data.md). Immutable after load.
/// </summary>
internal sealed class LinearModel
{
    internal const uint Magic = 0x4D545052; // "RPTM"
    internal const int FormatVersion = 1;

    private readonly FrozenDictionary<ulong, int> _rows;
    private readonly sbyte[] _weights;
    private readonly float[] _bias;
    private readonly float[] _scale;
    private readonly int _stride;

    public LinearModel(IReadOnlyList<string> labels, IReadOnlyList<ulong> featureHashes, sbyte[] weights, float[] bias, float[] scale, float[] thresholds)
    {
        if (weights.Length != featureHashes.Count * labels.Count || bias.Length != labels.Count || scale.Length != labels.Count || thresholds.Length != labels.Count)
        {
            throw new ArgumentException("Model dimensions do not agree.");
        }

        Labels = labels;
        _rows = featureHashes.Select((h, i) => KeyValuePair.Create(h, i)).ToFrozenDictionary();

        // Rows are padded with zeros to a multiple of 16 outputs so they add with whole vectors.
        _stride = (labels.Count + 15) / 16 * 16;
        _weights = new sbyte[featureHashes.Count * _stride];
        for (var f = 0; f < featureHashes.Count; f++)
        {
            weights.AsSpan(f * labels.Count, labels.Count).CopyTo(_weights.AsSpan(f * _stride));
        }

        _bias = bias;
        _scale = scale;
        Thresholds = thresholds;
    }

    public IReadOnlyList<string> Labels { get; }

    public IReadOnlyList<float> Thresholds { get; }

    public int FeatureCount => _rows.Count;

    public int IndexOf(string label)
    {
        for (var i = 0; i < Labels.Count; i++)
        {
            if (Labels[i] == label)
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"The model has no output '{label}'.");
    }

    /// <summary>
    /// Computes the logit of every output. <paramref name="rows"/> receives each feature's weight row (-1 when the
    /// feature is unknown), so callers can explain a score without a second lookup.
    /// </summary>
    public void Score(ReadOnlySpan<Feature> features, Span<float> logits, Span<int> rows) => Score(features, logits, rows, recordRows: true);

    /// <summary>Computes the logit of every output.</summary>
    public void Score(ReadOnlySpan<Feature> features, Span<float> logits) => Score(features, logits, [], recordRows: false);

    private void Score(ReadOnlySpan<Feature> features, Span<float> logits, Span<int> rows, bool recordRows)
    {
        var labelCount = Labels.Count;
        Span<int> sums = stackalloc int[_stride];
        sums.Clear();
        for (var f = 0; f < features.Length; f++)
        {
            var known = _rows.TryGetValue(features[f].Hash, out var row);
            if (recordRows)
            {
                rows[f] = known ? row : -1;
            }

            if (known)
            {
                AddRow(_weights.AsSpan(row * _stride, _stride), sums);
            }
        }

        var norm = 1f / MathF.Sqrt(Math.Max(1, features.Length));
        for (var l = 0; l < labelCount; l++)
        {
            logits[l] = _bias[l] + (_scale[l] * sums[l] * norm);
        }
    }

    /// <summary>sums += row, widening int8 to int32, 16 lanes at a time where the hardware allows.</summary>
    private static void AddRow(ReadOnlySpan<sbyte> row, Span<int> sums)
    {
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            for (; i + 16 <= row.Length; i += 16)
            {
                var bytes = Vector128.Create(row.Slice(i, 16));
                var (low, high) = Vector128.Widen(bytes);
                var (a, b) = Vector128.Widen(low);
                var (c, d) = Vector128.Widen(high);
                var target = sums.Slice(i, 16);
                (Vector128.Create(target[..4]) + a).CopyTo(target[..4]);
                (Vector128.Create(target.Slice(4, 4)) + b).CopyTo(target.Slice(4, 4));
                (Vector128.Create(target.Slice(8, 4)) + c).CopyTo(target.Slice(8, 4));
                (Vector128.Create(target.Slice(12, 4)) + d).CopyTo(target.Slice(12, 4));
            }
        }

        for (; i < row.Length; i++)
        {
            sums[i] += row[i];
        }
    }

    /// <summary>The contribution of one feature row to one output's logit (before normalisation).</summary>
    public float Contribution(int row, int label) => _scale[label] * _weights[(row * _stride) + label];

    public static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));

    public static LinearModel Read(Stream compressed)
    {
        using var inflated = new GZipStream(compressed, CompressionMode.Decompress);
        using var reader = new BinaryReader(inflated, Encoding.UTF8);
        if (reader.ReadUInt32() != Magic || reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException("Not a Rapport model file of a supported version.");
        }

        var featureVersion = reader.ReadInt32();
        if (featureVersion != FeatureExtractor.Version)
        {
            throw new InvalidDataException($"The model was trained with features v{featureVersion}; this build extracts v{FeatureExtractor.Version}. Retrain (tools/Rapport.Training).");
        }

        var labelCount = reader.ReadInt32();
        var labels = new string[labelCount];
        for (var i = 0; i < labelCount; i++)
        {
            labels[i] = reader.ReadString();
        }

        var featureCount = reader.ReadInt32();
        var hashes = new ulong[featureCount];
        for (var i = 0; i < featureCount; i++)
        {
            hashes[i] = reader.ReadUInt64();
        }

        var bias = ReadFloats(reader, labelCount);
        var scale = ReadFloats(reader, labelCount);
        var thresholds = ReadFloats(reader, labelCount);
        var weights = new sbyte[featureCount * labelCount];
        var bytes = reader.ReadBytes(weights.Length);
        if (bytes.Length != weights.Length)
        {
            throw new InvalidDataException("The model file is truncated.");
        }

        Buffer.BlockCopy(bytes, 0, weights, 0, bytes.Length);
        return new LinearModel(labels, hashes, weights, bias, scale, thresholds);
    }

    public void Write(Stream destination, int featureVersion = FeatureExtractor.Version)
    {
        using var deflated = new GZipStream(destination, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(deflated, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(featureVersion);
        writer.Write(Labels.Count);
        foreach (var label in Labels)
        {
            writer.Write(label);
        }

        var ordered = _rows.OrderBy(kv => kv.Value).ToArray();
        writer.Write(ordered.Length);
        foreach (var (hash, _) in ordered)
        {
            writer.Write(hash);
        }

        WriteFloats(writer, _bias);
        WriteFloats(writer, _scale);
        WriteFloats(writer, [.. Thresholds]);
        var bytes = new byte[_rows.Count * Labels.Count];
        for (var f = 0; f < _rows.Count; f++)
        {
            for (var l = 0; l < Labels.Count; l++)
            {
                bytes[(f * Labels.Count) + l] = (byte)_weights[(f * _stride) + l];
            }
        }

        writer.Write(bytes);
    }

    private static float[] ReadFloats(BinaryReader reader, int count)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = reader.ReadSingle();
        }

        return values;
    }

    private static void WriteFloats(BinaryWriter writer, float[] values)
    {
        foreach (var v in values)
        {
            writer.Write(v);
        }
    }
}
