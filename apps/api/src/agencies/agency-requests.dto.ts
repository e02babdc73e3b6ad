import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class ContactsDto {
  @ApiProperty({ example: ['vanthu@mof.gov.vn'], description: 'Đầu mối theo dõi nhiệm vụ' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsEmail({}, { each: true })
  focal!: string[];

  @ApiProperty({ example: ['lanhdao@mof.gov.vn'], description: 'Lãnh đạo cơ quan' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsEmail({}, { each: true })
  leader!: string[];

  @ApiPropertyOptional({ description: 'Chỉ với Văn phòng Chính phủ: chuyên viên theo dõi' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsEmail({}, { each: true })
  trackingOfficers?: string[];

  @ApiPropertyOptional({ description: 'Chỉ với Văn phòng Chính phủ: lãnh đạo Vụ' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsEmail({}, { each: true })
  departmentHead?: string[];
}

export class UnitDto {
  @ApiProperty({ example: 'BTC-CUC-TH', description: 'Mã đơn vị: chữ in hoa, số, "-" hoặc "_"' })
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9_-]{1,39}$/, { message: 'code chỉ gồm chữ in hoa, chữ số, "-" hoặc "_" (2–40 ký tự)' })
  code!: string;

  @ApiProperty({ example: 'Cục Tin học và Thống kê tài chính' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;
}
